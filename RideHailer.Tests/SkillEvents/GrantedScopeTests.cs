using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Simulation;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.SkillEvents;

/// <summary>
/// <c>SkillPermissionAccepted</c> / <c>SkillPermissionChanged</c> record the scopes granted now: the next session takes
/// them as granted and a scope the event left out as revoked, so it neither reads it nor assumes it, and asks for it.
/// Run on both backends.
/// </summary>
public abstract class GrantedScopeTests(BackendUnderTest backend)
{
    private const string AskForConsent = "connection://AMAZON.AskForPermissionsConsent/2";
    private const string QuoteFromLocation = "A ride to the Space Needle from your current location will cost ";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { PersonId = null, PersonLinked = false };

    [Fact]
    public async Task PermissionChanged_WithoutTheMobileNumber_NextSessionAsksForItAndNeverReadsIt()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        skill.Api.Permissions.GrantInApp(Jane.UserId, null, SimulatedRider.AllDataScopes);
        Assert.StartsWith(QuoteFromLocation, Speech(await skill.NewSession(Jane).OrderAsync("the Space Needle")), StringComparison.Ordinal);

        await skill.PostAsync(Changed(Jane.UserId, "alexa::profile:given_name:read", "alexa::devices:all:geolocation:read"));
        var before = skill.Api.Requests.Count;
        var asked = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        AssertStartConnection(asked, AskForConsent);
        Assert.Contains("alexa::profile:mobile_number:read", asked.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.MobileNumberPath, StringComparison.Ordinal));
        Assert.Contains(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.GivenNamePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PermissionChanged_ThenSkillDisabled_ForgetsTheRecordedScopes()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await skill.PostAsync(Changed(Jane.UserId, "alexa::profile:given_name:read"));
        var scopes = skill.Services.GetRequiredService<IUserScopes>();
        var userKey = AlexaUserKey.For(Jane.UserId);
        Assert.Equal(["alexa::profile:given_name:read"], await scopes.FindGrantedScopesAsync(userKey, CancellationToken.None));

        await skill.PostAsync(SkillEventRequests.Envelope("AlexaSkillEvent.SkillDisabled", DateTimeOffset.UtcNow, userId: Jane.UserId));

        Assert.Null(await scopes.FindGrantedScopesAsync(userKey, CancellationToken.None));
    }

    private static JsonObject Changed(string userId, params string[] scopes) => SkillEventRequests.Envelope(
        "AlexaSkillEvent.SkillPermissionChanged",
        DateTimeOffset.UtcNow,
        new JsonObject { ["acceptedPermissions"] = new JsonArray([.. scopes.Select(scope => (JsonNode)new JsonObject { ["scope"] = scope })]) },
        userId);
}

public sealed class GrantedScopesInMemory() : GrantedScopeTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class GrantedScopesOnAzureStorage(AzuriteFixture azurite) : GrantedScopeTests(BackendUnderTest.AzureStorage(azurite));
