namespace RideHailer.Domain.Rides;

/// <summary>The provider cannot offer or dispatch this ride (out of its area, no pickup point, no drivers).</summary>
public sealed class RideUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public RideUnavailableException()
        : base("No ride is available.")
    {
    }

    /// <summary>Creates the exception with a reason safe to log (no personal data).</summary>
    public RideUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the provider's own failure.</summary>
    public RideUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
