namespace RideHailer.Skill.Places.AzureMaps;

/// <summary>
/// The place search could not answer (a refusal, throttling, an outage, a timeout, an unreadable answer): the rider hears
/// "I can't look up places right now", never "I couldn't find it". The message names what failed, never what the rider
/// said or where they are.
/// </summary>
public sealed class PlaceSearchUnavailableException : Exception
{
    public PlaceSearchUnavailableException()
    {
    }

    public PlaceSearchUnavailableException(string message)
        : base(message)
    {
    }

    public PlaceSearchUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
