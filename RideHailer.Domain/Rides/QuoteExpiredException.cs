namespace RideHailer.Domain.Rides;

/// <summary>
/// The provider no longer honours the quote a dispatch named (its price expired on the provider's side): nothing was
/// dispatched, and a fresh quote for the same ride may be offered to the rider.
/// </summary>
public sealed class QuoteExpiredException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public QuoteExpiredException()
        : base("The provider no longer honours the quote.")
    {
    }

    /// <summary>Creates the exception with a reason safe to log (no personal data).</summary>
    public QuoteExpiredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the transport's answer.</summary>
    public QuoteExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
