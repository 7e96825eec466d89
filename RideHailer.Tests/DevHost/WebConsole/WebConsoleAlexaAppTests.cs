using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using RideHailer.DevHost.WebConsole;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>
/// The console's "Alexa app" panel API (<c>/console/api/runs/{id}/alexa-app…</c>): what the app shows for the run's
/// rider, and each thing the rider does there as a turn, its skill event signed with the kit's chain and verified by
/// the host (<c>Alexa:VerifySignatures</c> on), answered 200 with no speech, and the state view after it.
/// </summary>
public sealed class WebConsoleAlexaAppTests(VerifyingConsoleHostFixture fixture) : IClassFixture<VerifyingConsoleHostFixture>
{
    private readonly ConsoleHost _host = fixture.Host;

    [Fact]
    public async Task NewRun_TheSkillIsEnabledAndLinked_AndEveryScopeItAsksForIsOfferedUngranted()
    {
        var run = await _host.StartRunAsync();

        var app = await AppAsync(run);

        Assert.True((bool)app["enabled"]!);
        Assert.True((bool)app["accountLinked"]!);
        Assert.True((bool)app["speakerLinked"]!);
        Assert.Equal(
            [PermissionScopes.GivenName, PermissionScopes.MobileNumber, PermissionScopes.Geolocation, PermissionScopes.FullAddress],
            app["scopes"]!.AsArray().Select(scope => (string?)scope!["scope"]));
        Assert.All(app["scopes"]!.AsArray(), scope => Assert.False((bool)scope!["granted"]!));
        using var script = await _host.Http.GetAsync(new Uri("console/alexa-app.js", UriKind.Relative));
        Assert.True(script.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Disable_AfterABooking_SendsTheVerifiedEvent_AndTheRunsBookingsAndSessionAreGone()
    {
        var run = await _host.StartRunAsync(new { granted = true });
        await _host.SayAsync(run, "open ride hailer");
        await _host.SayAsync(run, "the space needle");
        await _host.SayAsync(run, "yes");
        await _host.AnswerAsync(run, "achieved");
        Assert.Single((await _host.StateAsync(run))["bookings"]!.AsArray());

        var turn = await _host.PostAsync($"console/api/runs/{run}/alexa-app/disable", new { });

        Assert.Contains(turn["transcript"]!.AsArray(), entry =>
            (string?)entry!["kind"] == "alexa-app" && (string?)entry["text"] == "Alexa app: skill disabled; Alexa unlinked the account and revoked its permissions");
        var exchange = Assert.Single(turn["exchanges"]!.AsArray())!;
        Assert.Equal("AlexaSkillEvent.SkillDisabled", (string?)exchange["requestType"]);
        Assert.Equal(200, (int)exchange["status"]!);
        Assert.Null(JsonNode.Parse((string)exchange["request"]!)!["session"]);
        Assert.Empty(JsonNode.Parse((string)exchange["response"]!)!["response"]!.AsObject());
        Assert.Null(turn["error"]);
        var state = await _host.StateAsync(run);
        Assert.Empty(state["bookings"]!.AsArray());
        Assert.Equal("NotFound", (string?)state["session"]!["runtimeStatus"]);
        var app = await AppAsync(run);
        Assert.False((bool)app["enabled"]!);
        Assert.False((bool)app["accountLinked"]!);
        Assert.All(app["scopes"]!.AsArray(), scope => Assert.False((bool)scope!["granted"]!));
    }

    [Fact]
    public async Task Disable_WhileAmazonsSideWaits_EndsTheSessionFirst()
    {
        var run = await _host.StartRunAsync();
        await _host.SayAsync(run, "open ride hailer");
        Assert.Equal("consent", (string?)(await _host.SayAsync(run, "the space needle"))["awaiting"]!["kind"]);

        var turn = await _host.PostAsync($"console/api/runs/{run}/alexa-app/disable", new { });

        Assert.Equal(["SessionEndedRequest", "AlexaSkillEvent.SkillDisabled"], turn["exchanges"]!.AsArray().Select(exchange => (string?)exchange!["requestType"]));
        Assert.Null(turn["awaiting"]);
        Assert.False((bool)turn["sessionOpen"]!);
        var (status, _) = await _host.PostRawAsync($"console/api/runs/{run}/answer", """{"outcome":"accepted"}""");
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Permissions_GrantedInTheApp_AreNotAskedForInTheNextSession()
    {
        var run = await _host.StartRunAsync();

        var turn = await _host.PostAsync($"console/api/runs/{run}/alexa-app/permissions", new { scopes = new[] { "name", "mobile", PermissionScopes.Geolocation } });

        var exchange = Assert.Single(turn["exchanges"]!.AsArray())!;
        Assert.Equal("AlexaSkillEvent.SkillPermissionAccepted", (string?)exchange["requestType"]);
        var body = JsonNode.Parse((string)exchange["request"]!)!["request"]!["body"]!;
        Assert.Equal(
            [PermissionScopes.GivenName, PermissionScopes.MobileNumber, PermissionScopes.Geolocation],
            body["acceptedPermissions"]!.AsArray().Select(permission => (string?)permission!["scope"]));
        Assert.Equal(
            [PermissionScopes.GivenName, PermissionScopes.MobileNumber],
            body["acceptedPersonPermissions"]!.AsArray().Select(permission => (string?)permission!["scope"]));
        Assert.Equal([true, true, true, false], (await AppAsync(run))["scopes"]!.AsArray().Select(scope => (bool)scope!["granted"]!));

        await _host.SayAsync(run, "open ride hailer");
        var quote = await _host.SayAsync(run, "the space needle");

        Assert.Null(quote["awaiting"]);
        Assert.Contains(quote["transcript"]!.AsArray(), entry =>
            (string?)entry!["kind"] == "alexa" && ((string?)entry["text"])!.StartsWith("A ride to the Space Needle from your current location", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnableAndLink_AfterDisable_BringTheSkillAndTheLinkBack()
    {
        var run = await _host.StartRunAsync();
        await _host.PostAsync($"console/api/runs/{run}/alexa-app/disable", new { });

        var enabled = await _host.PostAsync($"console/api/runs/{run}/alexa-app/enable", new { });
        var linked = await _host.PostAsync($"console/api/runs/{run}/alexa-app/link", new { });

        Assert.Equal("AlexaSkillEvent.SkillEnabled", (string?)Assert.Single(enabled["exchanges"]!.AsArray())!["requestType"]);
        var link = Assert.Single(linked["exchanges"]!.AsArray())!;
        Assert.Equal("AlexaSkillEvent.SkillAccountLinked", (string?)link["requestType"]);
        Assert.Equal(200, (int)link["status"]!);
        var app = await AppAsync(run);
        Assert.True((bool)app["enabled"]!);
        Assert.True((bool)app["accountLinked"]!);
        Assert.True((bool)app["speakerLinked"]!);
    }

    [Theory]
    [InlineData("""{"scopes":["email"]}""", "'email' is not a scope Ride Hailer asks for")]
    [InlineData("{}", "Send {\"scopes\": [...]}")]
    [InlineData("""{"scopes":"name"}""", "The body is not the JSON this call takes")]
    public async Task Permissions_ABodyItCannotUse_Is400WithTheReason(string body, string reason)
    {
        var run = await _host.StartRunAsync();

        var (status, answer) = await _host.PostRawAsync($"console/api/runs/{run}/alexa-app/permissions", body);

        Assert.Equal(400, status);
        Assert.Contains(reason, (string?)JsonNode.Parse(answer)!["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlexaApp_OfAnUnknownRun_Is404_AndWithoutThePagesSecretOrAsAForm_IsRefused()
    {
        var (status, _) = await _host.PostRawAsync("console/api/runs/nope/alexa-app/disable", "{}");
        Assert.Equal(404, status);
        var run = await _host.StartRunAsync();

        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        using var withoutSecret = await anonymous.PostAsync(
            new Uri($"console/api/runs/{run}/alexa-app/disable", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        using var view = await anonymous.GetAsync(new Uri($"console/api/runs/{run}/alexa-app", UriKind.Relative));
        using var form = await _host.Http.PostAsync(
            new Uri($"console/api/runs/{run}/alexa-app/disable", UriKind.Relative), new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Forbidden, withoutSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, view.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.True((bool)(await AppAsync(run))["enabled"]!);
    }

    private async Task<JsonNode> AppAsync(string run)
    {
        using var response = await _host.Http.GetAsync(new Uri($"console/api/runs/{run}/alexa-app", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
