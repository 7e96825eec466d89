namespace RideHailer.Bench.Load;

/// <summary>The five turns of the seed conversation, in order.</summary>
internal enum TurnKind
{
    Launch,
    Destination,
    ConsentResume,
    Yes,
    PinResume,
}
