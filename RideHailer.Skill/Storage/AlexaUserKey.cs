using RideHailer.Domain;

namespace RideHailer.Skill.Storage;

/// <summary>The opaque key an Alexa user id is stored and logged under: a hash, so no Alexa id is ever kept.</summary>
public static class AlexaUserKey
{
    public static string For(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return StableHash.Hex("user-", userId, 24);
    }

    /// <summary>The opaque key of a recognised person (<c>context.System.person.personId</c>), likewise a hash.</summary>
    public static string ForPerson(string personId)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        return StableHash.Hex("person-", personId, 24);
    }
}
