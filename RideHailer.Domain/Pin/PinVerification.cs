using System.Text.Json.Serialization;

namespace RideHailer.Domain.Pin;

/// <summary>What the PIN connection said of the speaker, before the skill's policy and required level are applied.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PinVerification>))]
public enum PinVerification
{
    /// <summary>The speaker was verified (at the level the result reports says).</summary>
    Achieved,

    /// <summary>PIN confirmation is not turned on for the skill.</summary>
    NotEnabled,

    /// <summary>Not verified: the PIN is locked after too many attempts.</summary>
    LockedOut,

    /// <summary>Not verified: the speaker has no profile PIN.</summary>
    NotSetUp,

    /// <summary>Not verified: the PIN said did not match.</summary>
    NoMatch,

    /// <summary>Not verified for another reason, or a result the skill does not know.</summary>
    NotAchieved,

    /// <summary>The connection itself failed.</summary>
    ConnectionFailed,
}
