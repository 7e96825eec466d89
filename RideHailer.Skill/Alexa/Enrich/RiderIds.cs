using RideHailer.Domain;

namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>Rider ids are opaque: a hash of whatever identifies the rider, so no Alexa or provider id is stored.</summary>
public static class RiderIds
{
    public static string FromSubject(string subject)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        return StableHash.Hex("rider-", subject, 24);
    }
}
