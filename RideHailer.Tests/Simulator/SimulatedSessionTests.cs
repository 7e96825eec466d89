using System.Text.Json.Nodes;
using RideHailer.DevHost.Simulator;
using RideHailer.Domain;

namespace RideHailer.Tests.Simulator;

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
    public void DefaultRider_IsLinkedRecognisedAtLevel300_WithGeolocationButNothingGranted()
    {
        var request = Open(new SimulatedRider()).Launch();

        var system = request["context"]!["System"]!;
        Assert.NotNull(system["user"]!["accessToken"]);
        Assert.Empty(system["user"]!["permissions"]!["scopes"]!.AsObject());
        Assert.Equal(300, (int)system["person"]!["authenticationConfidenceLevel"]!["level"]!);
        Assert.NotNull(system["device"]!["supportedInterfaces"]!["Geolocation"]);
        Assert.Null(request["context"]!["Geolocation"]);
    }

    [Fact]
    public void AcceptedConsentAndConfirmedPin_ShowInTheRestOfTheSession_ButNotTheNext()
    {
        var session = Open(new SimulatedRider());

        session.Grant([PermissionScopes.GivenName, PermissionScopes.Geolocation]);
        session.ConfirmSpeaker();
        var resumed = session.Resumed(new JsonObject());

        Assert.Equal("GRANTED", (string?)resumed["context"]!["System"]!["user"]!["permissions"]!["scopes"]![PermissionScopes.Geolocation]!["status"]);
        Assert.Equal("GRANTED", (string?)resumed["session"]!["user"]!["permissions"]!["scopes"]![PermissionScopes.GivenName]!["status"]);
        Assert.Equal(400, (int)resumed["context"]!["System"]!["person"]!["authenticationConfidenceLevel"]!["level"]!);
        Assert.Equal("RUNNING", (string?)resumed["context"]!["Geolocation"]!["locationServices"]!["status"]);

        session.Open();
        var next = session.Launch();
        Assert.Empty(next["context"]!["System"]!["user"]!["permissions"]!["scopes"]!.AsObject());
        Assert.Equal(300, (int)next["context"]!["System"]!["person"]!["authenticationConfidenceLevel"]!["level"]!);
    }

    [Fact]
    public void FlaggedRider_IsUnlinkedUnrecognisedStationaryAndFullyGranted()
    {
        var rider = SimulatedRider.From(new SimulatorOptions { Unlinked = true, NoPerson = true, NoGeolocation = true, Granted = true });

        var request = Open(rider).Launch();

        var system = request["context"]!["System"]!;
        Assert.Null(system["user"]!["accessToken"]);
        Assert.Null(system["person"]);
        Assert.Empty(system["device"]!["supportedInterfaces"]!.AsObject());
        Assert.Null(request["context"]!["Geolocation"]);
        Assert.Equal(
            SimulatedRider.AllDataScopes.Order(),
            system["user"]!["permissions"]!["scopes"]!.AsObject().Select(scope => scope.Key).Order());
    }

    [Fact]
    public void NoOpenSession_RefusesToBuildARequest() =>
        Assert.Throws<InvalidOperationException>(() => new SimulatedSession(new SimulatedRider(), "skill", AlexaApi, TimeProvider.System).Launch());

    private static SimulatedSession Open(SimulatedRider rider)
    {
        var session = new SimulatedSession(rider, "amzn1.ask.skill.test", AlexaApi, TimeProvider.System);
        session.Open();
        return session;
    }
}
