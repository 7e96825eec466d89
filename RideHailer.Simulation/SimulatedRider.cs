using RideHailer.Domain;

namespace RideHailer.Simulation;

/// <summary>Who talks to the skill from which device: what Alexa puts in <c>context.System</c> and <c>context.Geolocation</c>.</summary>
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

    /// <summary>The Alexa account is linked to a Ride Hailer account (<c>user.accessToken</c> present).</summary>
    public bool Linked { get; init; } = true;

    /// <summary>The recognised speaker linked their own Ride Hailer account (<c>person.accessToken</c> present).</summary>
    public bool PersonLinked { get; init; } = true;

    /// <summary>A recognised speaker (<c>context.System.person</c>), or null for none.</summary>
    public string? PersonId { get; init; } = SimulatedPersonId;

    /// <summary>The device reports its location (supports the Geolocation interface); otherwise the address is used.</summary>
    public bool Geolocation { get; init; } = true;

    /// <summary>Scopes the rider gave Ride Hailer in the Alexa app before the run (account and speaker alike).</summary>
    public IReadOnlyList<string> GrantedInApp { get; init; } = [];

    /// <summary>Scopes the rider granted by voice in an earlier session, at the levels the skill asked them at.</summary>
    public IReadOnlyList<string> GrantedEarlier { get; init; } = [];

    /// <summary>Whether anything was granted before the run.</summary>
    public bool GrantedBefore => GrantedInApp.Count > 0 || GrantedEarlier.Count > 0;
}
