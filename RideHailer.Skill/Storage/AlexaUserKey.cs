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
}
