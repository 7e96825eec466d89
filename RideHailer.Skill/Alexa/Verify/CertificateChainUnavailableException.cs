namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Thrown by an <see cref="ICertificateChainSource"/> when a chain cannot be fetched or read.</summary>
public sealed class CertificateChainUnavailableException : Exception
{
    public CertificateChainUnavailableException()
    {
    }

    public CertificateChainUnavailableException(string message)
        : base(message)
    {
    }

    public CertificateChainUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
