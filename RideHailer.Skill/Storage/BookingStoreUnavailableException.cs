namespace RideHailer.Skill.Storage;

/// <summary>
/// The booking store cannot be reached or refused the request, so whether a booking exists is unknown.
/// The session apologises and the booking can be retried under the same key without a duplicate.
/// </summary>
public sealed class BookingStoreUnavailableException : Exception
{
    public BookingStoreUnavailableException()
        : base("The booking store is unavailable.")
    {
    }

    public BookingStoreUnavailableException(string message)
        : base(message)
    {
    }

    public BookingStoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
