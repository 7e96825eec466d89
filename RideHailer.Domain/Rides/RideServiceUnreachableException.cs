namespace RideHailer.Domain.Rides;

/// <summary>
/// The ride provider could not be reached in time (down, slow, a server error): nothing was decided about the ride,
/// unlike <see cref="RideUnavailableException"/>, which is the provider's answer that no ride can be offered.
/// </summary>
public sealed class RideServiceUnreachableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public RideServiceUnreachableException()
        : base("The ride service could not be reached.")
    {
    }

    /// <summary>Creates the exception with a reason safe to log (no personal data).</summary>
    public RideServiceUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the transport's failure.</summary>
    public RideServiceUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
