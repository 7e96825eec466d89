namespace RideHailer.Skill.Storage;

/// <summary>What the skill keeps under an Alexa user: the riders (person-level ones included) and the session instances.</summary>
public sealed record LinkedRecords(string UserKey, IReadOnlyList<string> Riders, IReadOnlyList<string> Sessions)
{
    /// <summary>The idempotency keys of the riders' bookings, each naming a ride orchestration (<c>RideInstanceId</c>).</summary>
    public IReadOnlyList<string> BookingKeys { get; init; } = [];

    public bool IsEmpty => Riders.Count == 0 && Sessions.Count == 0;
}
