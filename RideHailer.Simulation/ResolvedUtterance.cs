namespace RideHailer.Simulation;

/// <summary>What Alexa made of one thing the rider said.</summary>
public abstract record ResolvedUtterance;

/// <summary>Nothing was said (an empty line).</summary>
public sealed record Silence : ResolvedUtterance;

/// <summary>"quit", "exit" or the end of input: the rider walks away; the simulator ends the session and stops.</summary>
public sealed record Quit : ResolvedUtterance;

/// <summary>"Open Ride Hailer": a LaunchRequest.</summary>
public sealed record Launch : ResolvedUtterance;

/// <summary>An IntentRequest; <paramref name="OneShot"/> when the invocation name came with it ("ask Ride Hailer for …").</summary>
public sealed record IntentUtterance(string IntentName, IReadOnlyList<ResolvedSlot> Slots, bool OneShot = false) : ResolvedUtterance;

/// <summary>
/// One slot of the intent: <paramref name="Value"/> as recognised (null when the utterance did not fill it);
/// for a custom slot type, <paramref name="Type"/> and the entity resolution <paramref name="Match"/> (null: no match).
/// </summary>
public sealed record ResolvedSlot(string Name, string? Value, string? Type = null, SlotTypeValue? Match = null)
{
    public bool IsResolved => Value is not null && Match is not null;
}
