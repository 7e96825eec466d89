using Microsoft.Extensions.DependencyInjection;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
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
        await skill.NewSession(Jane).AlexaAppAsync(alexa => alexa.SkillPermissionAccepted(SimulatedRider.AllDataScopes));
        Assert.StartsWith(QuoteFromLocation, Speech(await skill.NewSession(Jane).OrderAsync("the Space Needle")), StringComparison.Ordinal);

        await skill.NewSession(Jane).AlexaAppAsync(alexa => alexa.SkillPermissionChanged(["alexa::profile:given_name:read", "alexa::devices:all:geolocation:read"]));
        var before = skill.Api.Requests.Count;
        var asked = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        AssertStartConnection(asked, AskForConsent);
        Assert.Contains("alexa::profile:mobile_number:read", asked.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.MobileNumberPath, StringComparison.Ordinal));
        Assert.Contains(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.GivenNamePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PermissionAccepted_InTheAlexaApp_TheNextSessionIsQuotedWithoutAskingForConsent()
    {
        // A recognised speaker who granted nothing yet: the app grants the account's scopes and the speaker's own.
        await using var skill = await SkillHarness.StartAsync(backend);
        var speaker = RiderSetup.Default;
        var alexa = skill.NewSession(speaker);
        Assert.False(alexa.IsGranted(PermissionScopes.MobileNumber));

        await alexa.AlexaAppAsync(app => app.SkillPermissionAccepted(SimulatedRider.AllDataScopes));
        var quote = await skill.NewSession(speaker).OrderAsync("the Space Needle");

        Assert.True(alexa.IsGranted(PermissionScopes.MobileNumber));
        Assert.StartsWith(QuoteFromLocation, Speech(quote), StringComparison.Ordinal);
        Assert.Null(quote["response"]!["directives"]);
        Assert.Equal(
            [.. SimulatedRider.AllDataScopes.Order(StringComparer.Ordinal)],
            (await skill.Services.GetRequiredService<IUserScopes>().FindGrantedScopesAsync(AlexaUserKey.For(speaker.UserId), CancellationToken.None))!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PermissionChanged_ToNone_TheNextSessionAsksForEveryScopeAgain()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await skill.NewSession(Jane).AlexaAppAsync(app => app.SkillPermissionAccepted(SimulatedRider.AllDataScopes));

        await skill.NewSession(Jane).AlexaAppAsync(app => app.SkillPermissionChanged([]));
        var asked = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        AssertStartConnection(asked, AskForConsent);
        foreach (var scope in new[] { PermissionScopes.GivenName, PermissionScopes.MobileNumber, PermissionScopes.Geolocation })
        {
            Assert.Contains(scope, asked.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PermissionChanged_ThenSkillDisabled_ForgetsTheRecordedScopes()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(Jane);
        await alexa.AlexaAppAsync(app => app.SkillPermissionChanged(["alexa::profile:given_name:read"]));
        var scopes = skill.Services.GetRequiredService<IUserScopes>();
        var userKey = AlexaUserKey.For(Jane.UserId);
        Assert.Equal(["alexa::profile:given_name:read"], await scopes.FindGrantedScopesAsync(userKey, CancellationToken.None));

        await alexa.AlexaAppAsync(app => app.SkillDisabled());

        Assert.Null(await scopes.FindGrantedScopesAsync(userKey, CancellationToken.None));
    }
}

public sealed class GrantedScopesInMemory() : GrantedScopeTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class GrantedScopesOnAzureStorage(AzuriteFixture azurite) : GrantedScopeTests(BackendUnderTest.AzureStorage(azurite));
