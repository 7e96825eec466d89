namespace RideHailer.Simulation;

/// <summary>
/// What Alexa made of an utterance, in one line for a developer: the intent and each slot with its entity
/// resolution, or that it matched nothing in the model. A miss is then never a surprise: the rider can see whether
/// the words or the place were not understood.
/// </summary>
public static class UtteranceExplanation
{
    /// <summary>"heard OrderRideIntent (one-shot): destination = 'the moon' (PlaceName: no match)", or null for silence and quit.</summary>
    public static string? Of(ResolvedUtterance utterance) => utterance switch
    {
        Launch => "heard a launch: LaunchRequest",
        IntentUtterance { IntentName: UtteranceResolver.FallbackIntent } =>
            "matched nothing in the interaction model: AMAZON.FallbackIntent",
        IntentUtterance intent => $"heard {intent.IntentName}{(intent.OneShot ? " (one-shot)" : "")}{Slots(intent.Slots)}",
        _ => null,
    };

    private static string Slots(IReadOnlyList<ResolvedSlot> slots) =>
        slots.Count == 0 ? "" : ": " + string.Join(", ", slots.Select(Slot));

    private static string Slot(ResolvedSlot slot) => slot switch
    {
        { Value: null } => $"{slot.Name} empty",
        { Type: null } => $"{slot.Name} = '{slot.Value}'",
        { Match: { } match } => $"{slot.Name} = '{slot.Value}' ({slot.Type}: {match.Id ?? match.Name})",
        _ => $"{slot.Name} = '{slot.Value}' ({slot.Type}: no match)",
    };
}
