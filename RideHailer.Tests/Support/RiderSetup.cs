using RideHailer.Domain;

namespace RideHailer.Tests.Support;

/// <summary>Who is talking to the skill, and from which device: what Alexa puts in context.System.</summary>
internal sealed record RiderSetup
{
    /// <summary>The Alexa account (user id); riders on one account share its account-level grants.</summary>
    public string UserId { get; init; } = "amzn1.ask.account.jane";

    /// <summary>The account holder linked a Ride Hailer account (user.accessToken).</summary>
    public bool Linked { get; init; } = true;

    /// <summary>The recognised speaker linked their own Ride Hailer account (person.accessToken).</summary>
    public bool PersonLinked { get; init; } = true;

    /// <summary>The account holder's token (user.accessToken), sent when <see cref="Linked"/>.</summary>
    public string AccountToken { get; init; } = AlexaSession.LinkedAccountToken;

    /// <summary>The recognised speaker's own token (person.accessToken), sent when <see cref="PersonLinked"/>.</summary>
    public string PersonToken { get; init; } = AlexaSession.PersonAccessToken;

    /// <summary>A recognised speaker (context.System.person), or null.</summary>
    public string? PersonId { get; init; } = "amzn1.ask.person.jane";

    public bool Geolocation { get; init; } = true;

    /// <summary>How long before the request the device's location fix was taken.</summary>
    public TimeSpan LocationAge { get; init; }

    /// <summary>Scopes the rider granted by voice in an earlier session (Alexa still holds them).</summary>
    public IReadOnlyList<string> GrantedScopes { get; init; } = [];

    /// <summary>context.Geolocation.coordinate as raw JSON, so a test can send what a JsonNode cannot hold (1e400).</summary>
    public string Coordinate { get; init; } = """{"latitudeInDegrees":47.6097,"longitudeInDegrees":-122.3422,"accuracyInMeters":20}""";

    public static RiderSetup Default { get; } = new();

    public static IReadOnlyList<string> AllScopes(bool geolocation = true) =>
    [
        PermissionScopes.GivenName,
        PermissionScopes.MobileNumber,
        geolocation ? PermissionScopes.Geolocation : PermissionScopes.FullAddress,
    ];
}
