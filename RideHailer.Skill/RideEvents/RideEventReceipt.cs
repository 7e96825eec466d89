namespace RideHailer.Skill.RideEvents;

/// <summary>What became of a provider's event (the webhook answers 202, 200 and 404 for them).</summary>
public enum RideEventReceipt
{
    /// <summary>New: handed to the ride's orchestration.</summary>
    Accepted,

    /// <summary>An event id seen before: nothing changed.</summary>
    Repeated,

    /// <summary>No ride of ours has the event's ride id.</summary>
    UnknownRide,
}
