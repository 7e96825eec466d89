using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>
/// Who talks to the skill from which device, and what they granted before: what Alexa puts in <c>context.System</c>
/// and <c>context.Geolocation</c>, and what its ledger holds for them when the run starts.
/// </summary>
public sealed record SimulatedRider
{
    public const string SimulatedPersonId = "amzn1.ask.person.simulated-rider";

    /// <summary>Every data scope the skill package declares: what <c>--granted</c> grants up front.</summary>
    public static readonly IReadOnlyList<string> AllDataScopes =
    [
        PermissionScopes.GivenName,
        PermissionScopes.MobileNumber,
        PermissionScopes.Geolocation,
        PermissionScopes.FullAddress,
    ];

    /// <summary>The device's language, sent as each request's <c>locale</c> as Alexa sends it ("en-GB", "de-DE").</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>The Alexa account (user id); riders on one account share its account-level grants.</summary>
    public string UserId { get; init; } = "amzn1.ask.account.simulated-rider";

    /// <summary>The Alexa account is linked to a Ride Hailer account (<c>user.accessToken</c> present).</summary>
    public bool Linked { get; init; } = true;

    /// <summary>The recognised speaker linked their own Ride Hailer account (<c>person.accessToken</c> present).</summary>
    public bool PersonLinked { get; init; } = true;

    /// <summary>The account holder's token (<c>user.accessToken</c>), sent when <see cref="Linked"/>.</summary>
    public string AccountToken { get; init; } = "simulated-linked-account-token";

    /// <summary>The recognised speaker's own token (<c>person.accessToken</c>), sent when <see cref="PersonLinked"/>.</summary>
    public string PersonToken { get; init; } = "simulated-person-access-token";

    /// <summary>A recognised speaker (<c>context.System.person</c>), or null for none.</summary>
    public string? PersonId { get; init; } = SimulatedPersonId;

    public string DeviceId { get; init; } = "amzn1.ask.device.simulated-echo";

    /// <summary>The device reports its location (supports the Geolocation interface); otherwise the address is used.</summary>
    public bool Geolocation { get; init; } = true;

    /// <summary>How long before each request the device's location fix was taken.</summary>
    public TimeSpan LocationAge { get; init; }

    /// <summary>
    /// <c>context.Geolocation.coordinate</c> as raw JSON, so a test can send what a JsonNode cannot hold (1e400).
    /// Downtown Seattle by Pike Place Market, a short ride from most of the catalog's places.
    /// </summary>
    public string Coordinate { get; init; } = """{"latitudeInDegrees":47.6097,"longitudeInDegrees":-122.3422,"accuracyInMeters":20}""";

    /// <summary>What the <c>apiAccessToken</c> starts with; the user and person ids follow (<see cref="SimulatedApiToken"/>).</summary>
    public string ApiTokenPrefix { get; init; } = SimulatedApiToken.DefaultPrefix;

    /// <summary><c>user.permissions.consentToken</c>.</summary>
    public string ConsentToken { get; init; } = "simulated-consent-token";

    /// <summary>Whether requests carry <c>user.permissions</c>: Alexa sends it only to a skill that asks for permissions.</summary>
    public bool ReportsPermissions { get; init; } = true;

    /// <summary>Scopes the rider gave Ride Hailer in the Alexa app before the run (account and speaker alike).</summary>
    public IReadOnlyList<string> GrantedInApp { get; init; } = [];

    /// <summary>Scopes the rider granted by voice in an earlier session, at the levels the skill asked them at.</summary>
    public IReadOnlyList<string> GrantedEarlier { get; init; } = [];

    /// <summary>Whether anything was granted before the run.</summary>
    public bool GrantedBefore => GrantedInApp.Count > 0 || GrantedEarlier.Count > 0;
}
