using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>The RIDE_TYPE slot as the Domain's <see cref="RideType"/>: its resolved id, else the words said when they are an id.</summary>
public static class RideTypeReader
{
    /// <summary>The slot's ride type, or null when the slot is missing, empty or names no known type.</summary>
    public static RideType? Read(Slot? slot)
    {
        if (slot is null)
        {
            return null;
        }

        return FromId(slot.ResolvedId) ?? FromId(slot.Value?.Trim());
    }

    /// <summary>"standard", "xl", "premium" (the slot type's ids, which are the provider contract's names), any case.</summary>
    public static RideType? FromId(string? id) => id?.ToUpperInvariant() switch
    {
        "STANDARD" => RideType.Standard,
        "XL" => RideType.Xl,
        "PREMIUM" => RideType.Premium,
        _ => null,
    };
}
