using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Tests.Support;

/// <summary>The tests' rider: Jane, on her kitchen device, with tokens the tests look for in logs and payloads.</summary>
internal static class RiderSetup
{
    public static SimulatedRider Default { get; } = new()
    {
        UserId = "amzn1.ask.account.jane",
        PersonId = "amzn1.ask.person.jane",
        DeviceId = "amzn1.ask.device.kitchen",
        AccountToken = AlexaSession.LinkedAccountToken,
        PersonToken = AlexaSession.PersonAccessToken,
        ApiTokenPrefix = AlexaSession.ApiAccessToken,
        ConsentToken = AlexaSession.ConsentToken,
    };

    public static IReadOnlyList<string> AllScopes(bool geolocation = true) =>
    [
        PermissionScopes.GivenName,
        PermissionScopes.MobileNumber,
        geolocation ? PermissionScopes.Geolocation : PermissionScopes.FullAddress,
    ];
}
