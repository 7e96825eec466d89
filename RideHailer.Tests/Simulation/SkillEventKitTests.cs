using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.Simulation;

/// <summary>
/// The kit's skill events: the envelopes Alexa sends for what a rider does in the Alexa app (ask-sdk-model's
/// <c>events.skillevents</c>, Amazon's "Skill events in Alexa skills"), what each does to Alexa's view of the rider,
/// and the slash commands the chat types for them. (ask-sdk-model's types check them too:
/// <c>SkillPackage/AmazonModelTypeCheckTests</c>; the skill's answers, through the endpoint: <c>Simulator/SkillEventKitEndpointTests</c>.)
/// </summary>
public sealed class SkillEventKitTests
{
    private static readonly Uri AlexaApi = new("http://127.0.0.1:5000/");
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static readonly SimulatedRider Rider = new()
    {
        UserId = "amzn1.ask.account.kit",
        PersonId = "amzn1.ask.person.kit",
        AccountToken = "account-token",
        PersonToken = "person-token",
    };

    [Fact]
    public void EverySkillEvent_HasNoSession_TheAccountsContext_AndItsThreeTimes()
    {
        var alexa = Session(Rider);

        foreach (var envelope in new[] { alexa.SkillEnabled(), alexa.SkillPermissionAccepted([PermissionScopes.GivenName]), alexa.SkillPermissionChanged([]), alexa.SkillAccountLinked(), alexa.SkillDisabled() })
        {
            Assert.Equal("1.0", (string?)envelope["version"]);
            Assert.Null(envelope["session"]);
            var system = envelope["context"]!["System"]!;
            Assert.Equal("amzn1.ask.skill.kit", (string?)system["application"]!["applicationId"]);
            Assert.Equal(Rider.UserId, (string?)system["user"]!["userId"]);
            Assert.Equal("http://127.0.0.1:5000", (string?)system["apiEndpoint"]);
            Assert.Null(system["device"]);
            Assert.Null(envelope["context"]!["Geolocation"]);
            var request = envelope["request"]!;
            Assert.StartsWith("AlexaSkillEvent.", (string?)request["type"], StringComparison.Ordinal);
            Assert.StartsWith("amzn1.echo-api.request.", (string?)request["requestId"], StringComparison.Ordinal);
            foreach (var time in new[] { "timestamp", "eventCreationTime", "eventPublishingTime" })
            {
                Assert.Equal("2026-11-25T12:00:00Z", (string?)request[time]);
            }
        }
    }

    [Fact]
    public void SkillDisabled_UnlinksTheAccountAndTheSpeaker_RevokesEveryGrant_AndSaysWhatAlexaKeeps()
    {
        var ledger = new PermissionLedger();
        var alexa = Session(Rider with { GrantedInApp = SimulatedRider.AllDataScopes }, ledger);
        Assert.True(alexa.IsGranted(PermissionScopes.MobileNumber));

        var disabled = alexa.SkillDisabled();

        Assert.Equal("AlexaSkillEvent.SkillDisabled", (string?)disabled["request"]!["type"]);
        Assert.Equal("NOT_PERSISTED", (string?)disabled["request"]!["body"]!["userInformationPersistenceStatus"]);
        // The link is gone with the enablement, and no API may be called for a user who left.
        Assert.Null(disabled["context"]!["System"]!["user"]!["accessToken"]);
        Assert.Null(disabled["context"]!["System"]!["apiAccessToken"]);
        Assert.False(alexa.IsSkillEnabled);
        Assert.False(alexa.Rider.Linked);
        Assert.False(alexa.Rider.PersonLinked);
        Assert.Empty(ledger.GrantedScopes(Rider.UserId, null));
        Assert.Empty(ledger.GrantedScopes(Rider.UserId, Rider.PersonId));

        // The next session is sent as after the change: no token, and the geolocation scope denied.
        alexa.Open();
        var user = alexa.Launch()["context"]!["System"]!["user"]!;
        Assert.Null(user["accessToken"]);
        Assert.Equal("DENIED", (string?)user["permissions"]!["scopes"]![PermissionScopes.Geolocation]!["status"]);
    }

    [Fact]
    public void SkillEnabled_ThenAccountLinked_RestoresTheLinksTheRiderHad_AndCarriesTheTokenInItsBody()
    {
        var alexa = Session(Rider with { PersonLinked = false });
        alexa.SkillDisabled();

        var enabled = alexa.SkillEnabled();
        var linked = alexa.SkillAccountLinked();

        Assert.Null(enabled["request"]!["body"]);
        Assert.True(alexa.IsSkillEnabled);
        Assert.Equal("AlexaSkillEvent.SkillAccountLinked", (string?)linked["request"]!["type"]);
        Assert.Equal("account-token", (string?)linked["request"]!["body"]!["accessToken"]);
        Assert.Equal("account-token", (string?)linked["context"]!["System"]!["user"]!["accessToken"]);
        Assert.True(alexa.Rider.Linked);
        Assert.False(alexa.Rider.PersonLinked);
    }

    [Fact]
    public void PermissionChanged_GrantsExactlyTheScopesItLists_AndSendsThemAtAccountAndPersonLevel()
    {
        var ledger = new PermissionLedger();
        var alexa = Session(Rider with { GrantedInApp = SimulatedRider.AllDataScopes }, ledger);

        var changed = alexa.SkillPermissionChanged([PermissionScopes.GivenName, PermissionScopes.Geolocation]);

        var body = changed["request"]!["body"]!;
        Assert.Equal([PermissionScopes.GivenName, PermissionScopes.Geolocation], Scopes(body["acceptedPermissions"]));
        // The speaker's own: the person-level ones of the list, as the app grants them.
        Assert.Equal([PermissionScopes.GivenName], Scopes(body["acceptedPersonPermissions"]));
        var system = changed["context"]!["System"]!;
        Assert.Equal(Rider.PersonId, (string?)system["person"]!["personId"]);
        Assert.NotNull(system["user"]!["permissions"]!["consentToken"]);
        Assert.True(alexa.IsGranted(PermissionScopes.GivenName));
        Assert.True(alexa.IsGranted(PermissionScopes.Geolocation));
        Assert.False(alexa.IsGranted(PermissionScopes.MobileNumber));
        Assert.False(ledger.IsGranted(Rider.UserId, null, PermissionScopes.FullAddress));
    }

    [Fact]
    public void PermissionAccepted_WithoutARecognisedSpeaker_HasNoPersonAndNoPersonPermissions()
    {
        var alexa = Session(Rider with { PersonId = null });

        var accepted = alexa.SkillPermissionAccepted([PermissionScopes.MobileNumber]);

        Assert.Equal("AlexaSkillEvent.SkillPermissionAccepted", (string?)accepted["request"]!["type"]);
        Assert.Equal([PermissionScopes.MobileNumber], Scopes(accepted["request"]!["body"]!["acceptedPermissions"]));
        Assert.Null(accepted["request"]!["body"]!["acceptedPersonPermissions"]);
        Assert.Null(accepted["context"]!["System"]!["person"]);
        Assert.True(alexa.IsGranted(PermissionScopes.MobileNumber));
    }

    [Theory]
    [InlineData("/disable", typeof(DisableSkill))]
    [InlineData("  /Enable ", typeof(EnableSkill))]
    [InlineData("/link", typeof(LinkAccount))]
    [InlineData("/permissions none", typeof(ChangePermissions))]
    public void SlashCommands_NameTheirAction(string line, Type action)
    {
        Assert.True(AlexaAppAction.IsCommand(line));
        Assert.True(AlexaAppAction.TryParse(line, out var parsed, out var reason), reason);
        Assert.IsType(action, parsed);
    }

    [Theory]
    [InlineData("/permissions mobile,name", new[] { PermissionScopes.GivenName, PermissionScopes.MobileNumber })]
    [InlineData("/permissions location address", new[] { PermissionScopes.Geolocation, PermissionScopes.FullAddress })]
    [InlineData("/permissions alexa::profile:mobile_number:read", new[] { PermissionScopes.MobileNumber })]
    [InlineData("/permissions all", new[] { PermissionScopes.GivenName, PermissionScopes.MobileNumber, PermissionScopes.Geolocation, PermissionScopes.FullAddress })]
    [InlineData("/permissions None", new string[0])]
    public void PermissionsCommand_TakesWordsOrScopes_InThePackagesOrder(string line, string[] scopes)
    {
        Assert.True(AlexaAppAction.TryParse(line, out var parsed, out var reason), reason);

        Assert.Equal(scopes, Assert.IsType<ChangePermissions>(parsed).Scopes);
    }

    [Theory]
    [InlineData("/permissions email", "'email' is not a scope Ride Hailer asks for")]
    [InlineData("/permissions", "/permissions takes the scopes to grant: name,mobile,location,address, all or none.")]
    [InlineData("/uninstall", "'/uninstall' is not something the rider can do in the Alexa app: /disable, /enable, /permissions")]
    [InlineData("/disable now", "is not something the rider can do")]
    public void UnknownCommandsAndScopes_AreRefusedSayingWhatIs(string line, string reason)
    {
        Assert.False(AlexaAppAction.TryParse(line, out var parsed, out var said));

        Assert.Null(parsed);
        Assert.Contains(reason, said, StringComparison.Ordinal);
    }

    [Fact]
    public void PermissionsCommand_IsAcceptedTheFirstTime_ChangedAfter()
    {
        var alexa = Session(Rider);
        var action = new ChangePermissions([PermissionScopes.GivenName]);

        Assert.Equal("AlexaSkillEvent.SkillPermissionAccepted", (string?)action.Perform(alexa)["request"]!["type"]);
        Assert.Equal("AlexaSkillEvent.SkillPermissionChanged", (string?)action.Perform(alexa)["request"]!["type"]);
        Assert.Equal("permissions set to first name", action.Done);
        Assert.Equal("permissions all revoked", new ChangePermissions([]).Done);
    }

    [Fact]
    public void TheScopesThePanelAndChatOffer_AreThoseTheSkillPackageAsksFor()
    {
        // The data scopes: the package's other permissions (the person id, PIN confirmation) are no rider's data to grant.
        var declared = SkillPackageFiles.Manifest()["permissions"]!.AsArray().Select(permission => (string)permission!["name"]!)
            .Where(name => name.StartsWith("alexa::profile:", StringComparison.Ordinal) || name.StartsWith("alexa::devices:", StringComparison.Ordinal));

        Assert.Equal(declared, AlexaAppAction.ScopeWords.Select(word => word.Scope));
        Assert.Equal(SimulatedRider.AllDataScopes.Order(StringComparer.Ordinal), AlexaAppAction.ScopeWords.Select(word => word.Scope).Order(StringComparer.Ordinal));
    }

    private static SimulatedSession Session(SimulatedRider rider, PermissionLedger? ledger = null) =>
        new(rider, "amzn1.ask.skill.kit", AlexaApi, ledger ?? new PermissionLedger(), new FakeTimeProvider(Now));

    private static IEnumerable<string?> Scopes(JsonNode? permissions) => permissions!.AsArray().Select(permission => (string?)permission!["scope"]);
}
