using System.Text.Json.Nodes;
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
/// The account's grants (<c>acceptedPermissions</c>) and a recognised person's own (<c>acceptedPersonPermissions</c>, with
/// the <c>context.System.person</c> the event names) are recorded apart, as Amazon's model keeps them: a person's name and
/// number go by that person's record, so one person's grant or revocation is never taken for another's of the same
/// account. Run on both backends (in-process store and Azure Tables).
/// </summary>
public abstract class GrantedScopeTests(BackendUnderTest backend)
{
    private const string AskForConsent = "connection://AMAZON.AskForPermissionsConsent/2";
    private const string QuoteFromLocation = "A ride to the Space Needle from your current location will cost ";
    private const string Name = "alexa::profile:given_name:read";
    private const string Mobile = "alexa::profile:mobile_number:read";
    private const string Location = "alexa::devices:all:geolocation:read";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { PersonId = null, PersonLinked = false };

    /// <summary>Jane, recognised by voice, who gave her name and number as her own and the location for the account.</summary>
    private static readonly SimulatedRider JaneInPerson = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    private static readonly SimulatedRider JohnInPerson = JaneInPerson with { PersonId = "amzn1.ask.person.john" };

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
            (await skill.Services.GetRequiredService<IUserScopes>().FindGrantedScopesAsync(AlexaUserKey.For(speaker.UserId), null, CancellationToken.None)).Account!.Order(StringComparer.Ordinal));
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
    public async Task PermissionChanged_WithoutTheMobileNumber_NextSessionAsksForItAndNeverReadsIt()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        skill.Api.Permissions.GrantInApp(Jane.UserId, null, SimulatedRider.AllDataScopes);
        Assert.StartsWith(QuoteFromLocation, Speech(await skill.NewSession(Jane).OrderAsync("the Space Needle")), StringComparison.Ordinal);

        await skill.PostAsync(Changed(Jane.UserId, null, [Name, Location]));
        var before = skill.Api.Requests.Count;
        var asked = await skill.NewSession(Jane).OrderAsync("the Space Needle");

        AssertStartConnection(asked, AskForConsent);
        Assert.Contains(Mobile, asked.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.MobileNumberPath, StringComparison.Ordinal));
        Assert.Contains(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.GivenNamePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AccountLevelEvent_LeavesARecognisedPersonsOwnGrants_SoTheyAreNotAskedAgain()
    {
        await using var skill = await SkillHarness.StartAsync(backend);

        // The account holder changes permissions in the Alexa app: the event names no person and lists the account's
        // grants only, which do not include Jane's own name and number.
        await skill.PostAsync(Changed(JaneInPerson.UserId, null, [Location]));
        var quoted = await skill.NewSession(JaneInPerson).OrderAsync("the Space Needle");

        Assert.StartsWith(QuoteFromLocation, Speech(quoted), StringComparison.Ordinal);
        Assert.Null(quoted["response"]!["directives"]);
        Assert.Contains($"GET {LocalAlexaApi.PersonMobileNumberPath}", skill.Api.Requests);
    }

    [Fact]
    public async Task PersonLevelEvent_IsThatPersonsAlone_AnotherPersonOfTheAccountIsNeitherGrantedNorRevokedByIt()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var scopes = skill.Services.GetRequiredService<IUserScopes>();
        var userKey = AlexaUserKey.For(JaneInPerson.UserId);

        // John, recognised, takes his number back; the account keeps the location.
        await skill.PostAsync(Changed(JohnInPerson.UserId, JohnInPerson.PersonId, [Location], [Name]));

        Assert.Null((await scopes.FindGrantedScopesAsync(userKey, AlexaUserKey.ForPerson(JaneInPerson.PersonId!), CancellationToken.None)).Person);
        Assert.Equal([Name], (await scopes.FindGrantedScopesAsync(userKey, AlexaUserKey.ForPerson(JohnInPerson.PersonId!), CancellationToken.None)).Person);
        var before = skill.Api.Requests.Count;
        var john = await skill.NewSession(JohnInPerson).OrderAsync("the Space Needle");
        AssertStartConnection(john, AskForConsent);
        Assert.Contains(Mobile, john.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(skill.Api.Requests.Skip(before), request => request.Contains(LocalAlexaApi.PersonMobileNumberPath, StringComparison.Ordinal));

        // Jane's own grants are hers: John's revocation is not taken for hers.
        var jane = await skill.NewSession(JaneInPerson).OrderAsync("the Space Needle");
        Assert.StartsWith(QuoteFromLocation, Speech(jane), StringComparison.Ordinal);
        Assert.Null(jane["response"]!["directives"]);

        // Nor is Jane's grant taken for John's: a person the skill has no record of is asked of Alexa's API.
        await skill.PostAsync(Changed(JaneInPerson.UserId, JaneInPerson.PersonId, [Location], [Name, Mobile]));
        Assert.Equal([Name], (await scopes.FindGrantedScopesAsync(userKey, AlexaUserKey.ForPerson(JohnInPerson.PersonId!), CancellationToken.None)).Person);
        var jim = JaneInPerson with { PersonId = "amzn1.ask.person.jim", GrantedEarlier = [Location] };
        Assert.Null((await scopes.FindGrantedScopesAsync(userKey, AlexaUserKey.ForPerson(jim.PersonId!), CancellationToken.None)).Person);
        AssertStartConnection(await skill.NewSession(jim).OrderAsync("the Space Needle"), AskForConsent);
    }

    [Fact]
    public async Task PermissionChanged_ThenSkillDisabled_ForgetsTheRecordedScopes_TheAccountsAndEachPersons()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await skill.PostAsync(Changed(JaneInPerson.UserId, JaneInPerson.PersonId, [Name], [Mobile]));
        var scopes = skill.Services.GetRequiredService<IUserScopes>();
        var (userKey, personKey) = (AlexaUserKey.For(JaneInPerson.UserId), AlexaUserKey.ForPerson(JaneInPerson.PersonId!));
        var recorded = await scopes.FindGrantedScopesAsync(userKey, personKey, CancellationToken.None);
        Assert.Equal([Name], recorded.Account);
        Assert.Equal([Mobile], recorded.Person);

        await skill.PostAsync(SkillEventRequests.Envelope("AlexaSkillEvent.SkillDisabled", DateTimeOffset.UtcNow, userId: JaneInPerson.UserId));

        Assert.True((await scopes.FindGrantedScopesAsync(userKey, personKey, CancellationToken.None)).IsEmpty);

        // A permission event of the old user id delivered late (events are accepted up to an hour old) writes nothing back.
        await skill.PostAsync(Changed(JaneInPerson.UserId, JaneInPerson.PersonId, [Name], [Mobile]));
        Assert.True((await scopes.FindGrantedScopesAsync(userKey, personKey, CancellationToken.None)).IsEmpty);
    }

    /// <summary>A permission-changed event; with a person, the envelope names them as Alexa does and carries their own list.</summary>
    private static JsonObject Changed(string userId, string? personId, string[] account, string[]? person = null)
    {
        static JsonArray Scopes(string[] scopes) => new([.. scopes.Select(scope => (JsonNode)new JsonObject { ["scope"] = scope })]);
        var body = new JsonObject { ["acceptedPermissions"] = Scopes(account) };
        if (person is not null)
        {
            body["acceptedPersonPermissions"] = Scopes(person);
        }

        var envelope = SkillEventRequests.Envelope("AlexaSkillEvent.SkillPermissionChanged", DateTimeOffset.UtcNow, body, userId);
        if (personId is not null)
        {
            envelope["context"]!["System"]!["person"] = new JsonObject { ["personId"] = personId, ["accessToken"] = AlexaSession.PersonAccessToken };
        }

        return envelope;
    }
}

public sealed class GrantedScopesInMemory() : GrantedScopeTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class GrantedScopesOnAzureStorage(AzuriteFixture azurite) : GrantedScopeTests(BackendUnderTest.AzureStorage(azurite));
