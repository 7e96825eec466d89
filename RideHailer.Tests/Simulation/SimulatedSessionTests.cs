using System.Text.Json.Nodes;
using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Tests.Simulation;

/// <summary>The request envelopes the simulator builds: what Alexa would put in session and context.</summary>
public sealed class SimulatedSessionTests
{
    private static readonly Uri AlexaApi = new("http://127.0.0.1:5000/");

    [Fact]
    public void FirstRequestIsNew_LaterOnesShareTheSession()
    {
        var session = Open(new SimulatedRider());

        var first = session.Launch();
        var second = session.Resumed(new JsonObject { ["type"] = "ConnectionCompleted" });

        Assert.True((bool)first["session"]!["new"]!);
        Assert.False((bool)second["session"]!["new"]!);
        Assert.Equal((string?)first["session"]!["sessionId"], (string?)second["session"]!["sessionId"]);
        Assert.NotEqual((string?)first["request"]!["requestId"], (string?)second["request"]!["requestId"]);
        Assert.Equal("http://127.0.0.1:5000", (string?)first["context"]!["System"]!["apiEndpoint"]);
    }

    [Fact]
    public void DefaultRider_IsLinkedRecognisedWithTheirOwnLinkAtLevel300_WithGeolocationButNothingGranted()
    {
        var request = Open(new SimulatedRider()).Launch();

        var system = request["context"]!["System"]!;
        Assert.NotNull(system["user"]!["accessToken"]);
        Assert.NotNull(system["person"]!["accessToken"]);
        var scope = Assert.Single(system["user"]!["permissions"]!["scopes"]!.AsObject());
        Assert.Equal(PermissionScopes.Geolocation, scope.Key);
        Assert.Equal("DENIED", (string?)scope.Value!["status"]);
        Assert.Equal(300, (int)system["person"]!["authenticationConfidenceLevel"]!["level"]!);
        Assert.NotNull(system["device"]!["supportedInterfaces"]!["Geolocation"]);
        Assert.Null(request["context"]!["Geolocation"]);
    }

    [Fact]
    public void SessionAndContext_CarryTheSameUserAndConsentToken()
    {
        var request = Open(new SimulatedRider()).Launch();

        Assert.True(JsonNode.DeepEquals(request["session"]!["user"], request["context"]!["System"]!["user"]));
        Assert.NotNull((string?)request["session"]!["user"]!["permissions"]!["consentToken"]);
    }

    [Fact]
    public void ApiAccessToken_TellsTheLocalApisWhoseRequestItCameWith()
    {
        var session = Open(new SimulatedRider());

        var token = (string)session.Launch()["context"]!["System"]!["apiAccessToken"]!;

        Assert.True(SimulatedApiToken.TryRead(token, out var userId, out var personId));
        Assert.Equal(session.UserId, userId);
        Assert.Equal(SimulatedRider.SimulatedPersonId, personId);
    }

    [Fact]
    public void AcceptedConsent_ShowsOnlyAsTheGeolocationScopeAndTheLocation_AndOutlastsTheSession()
    {
        var session = Open(new SimulatedRider());

        session.Grant([(PermissionScopes.GivenName, PermissionLedger.PersonLevel), (PermissionScopes.Geolocation, PermissionLedger.AccountLevel)]);
        session.ConfirmSpeaker();
        var resumed = session.Resumed(new JsonObject());

        var scopes = resumed["context"]!["System"]!["user"]!["permissions"]!["scopes"]!.AsObject();
        Assert.Equal("GRANTED", (string?)Assert.Single(scopes).Value!["status"]);
        Assert.True(session.IsGranted(PermissionScopes.GivenName));
        Assert.False(session.IsGranted(PermissionScopes.MobileNumber));
        Assert.Equal(400, (int)resumed["context"]!["System"]!["person"]!["authenticationConfidenceLevel"]!["level"]!);
        Assert.Equal("RUNNING", (string?)resumed["context"]!["Geolocation"]!["locationServices"]!["status"]);
        Assert.Equal((string?)resumed["request"]!["timestamp"], ((string?)resumed["context"]!["Geolocation"]!["timestamp"])![..19] + "Z");

        session.Open();
        var next = session.Launch();
        Assert.Equal("GRANTED", (string?)next["context"]!["System"]!["user"]!["permissions"]!["scopes"]![PermissionScopes.Geolocation]!["status"]);
        Assert.True(session.IsGranted(PermissionScopes.GivenName));
        Assert.Equal(300, (int)next["context"]!["System"]!["person"]!["authenticationConfidenceLevel"]!["level"]!);
    }

    [Fact]
    public void FlaggedRider_IsUnlinkedUnrecognisedStationaryAndGrantedInTheApp()
    {
        var rider = (new SimulatorOptions { Unlinked = true, NoPerson = true, NoGeolocation = true, Granted = true }).Rider();

        var session = Open(rider);
        var request = session.Launch();

        var system = request["context"]!["System"]!;
        Assert.Null(system["user"]!["accessToken"]);
        Assert.Null(system["person"]);
        Assert.Empty(system["device"]!["supportedInterfaces"]!.AsObject());
        Assert.Null(request["context"]!["Geolocation"]);
        Assert.Equal([PermissionScopes.Geolocation], system["user"]!["permissions"]!["scopes"]!.AsObject().Select(scope => scope.Key));
        Assert.All(SimulatedRider.AllDataScopes, scope => Assert.True(session.IsGranted(scope), scope));
    }

    [Fact]
    public void SpeakerWithoutTheirOwnLink_SendsOnlyTheAccountHoldersToken()
    {
        var rider = (new SimulatorOptions { PersonUnlinked = true }).Rider();

        var system = Open(rider).Launch()["context"]!["System"]!;

        Assert.NotNull(system["user"]!["accessToken"]);
        Assert.Equal(SimulatedRider.SimulatedPersonId, (string?)system["person"]!["personId"]);
        Assert.Null(system["person"]!["accessToken"]);
    }

    [Fact]
    public void NoOpenSession_RefusesToBuildARequest() =>
        Assert.Throws<InvalidOperationException>(() => new SimulatedSession(new SimulatedRider(), "skill", AlexaApi, new PermissionLedger(), TimeProvider.System).Launch());

    private static SimulatedSession Open(SimulatedRider rider)
    {
        var session = new SimulatedSession(rider, "amzn1.ask.skill.test", AlexaApi, new PermissionLedger(), TimeProvider.System);
        session.Open();
        return session;
    }
}
