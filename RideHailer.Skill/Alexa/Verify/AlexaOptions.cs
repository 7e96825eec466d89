namespace RideHailer.Skill.Alexa.Verify;

/// <summary>How the skill identifies itself to Alexa and which Alexa services it trusts.</summary>
public sealed class AlexaOptions
{
    public const string SectionName = "Alexa";

    /// <summary>The official Alexa API hosts (North America, Europe, Far East).</summary>
    public static readonly IReadOnlyList<string> OfficialApiEndpoints =
    [
        "https://api.amazonalexa.com",
        "https://api.eu.amazonalexa.com",
        "https://api.fe.amazonalexa.com",
    ];

    /// <summary>The skill id (<c>amzn1.ask.skill.…</c>) every request must carry.</summary>
    public string SkillId { get; set; } = "";

    /// <summary>Verify Alexa's request signature; may be <see langword="false"/> only in Development.</summary>
    public bool VerifySignatures { get; set; } = true;

    /// <summary>
    /// Alexa API base URLs the skill may call with a request's <c>apiAccessToken</c>; empty means
    /// <see cref="OfficialApiEndpoints"/>. (A list default would be appended to by configuration binding.)
    /// </summary>
    public IList<string> AllowedApiEndpoints { get; } = [];

    public IReadOnlyList<string> EffectiveApiEndpoints =>
        AllowedApiEndpoints.Count == 0 ? OfficialApiEndpoints : [.. AllowedApiEndpoints];
}
