namespace RideHailer.Skill.Workflow;

/// <summary>
/// The orchestration instance id of a booked ride: it follows from the booking's idempotency key, so a retried
/// booking finds the ride's orchestration instead of starting a second one. "trip-", because session instances
/// are "ride-".
/// </summary>
public static class RideInstanceId
{
    /// <summary>What every ride instance id starts with, for the purge to find rides by.</summary>
    public const string Prefix = "trip-";

    public static string For(string bookingKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(bookingKey);
        return Prefix + bookingKey;
    }
}
