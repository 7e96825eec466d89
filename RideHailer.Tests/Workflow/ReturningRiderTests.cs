using System.Text.Json.Nodes;
using RideHailer.Domain.Replies;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// Consent and accounts as real Alexa reports them: the permissions map states the geolocation scope only, the
/// Profile and Address APIs answer 403 for what is not granted, grants outlast the session, and the recognised
/// speaker's own link identifies the rider.
/// </summary>
public abstract class ReturningRiderTests(BackendUnderTest backend)
{
    private const string QuoteFromLocation = "A ride to the Space Needle from your current location will cost ";
    private const string QuoteFromAddress = "A ride to the Space Needle from your address will cost ";

    [Theory]
    [InlineData(true, QuoteFromLocation)]
    [InlineData(false, QuoteFromAddress)]
    public async Task RiderWhoConsentedByVoiceInAnEarlierSession_IsQuotedWithoutAConsentConnection(bool geolocation, string quote)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var rider = RiderSetup.Default with { Geolocation = geolocation };
        var first = skill.NewSession(rider);
        AssertStartConnection(await first.OrderAsync("the Space Needle"), "connection://AMAZON.AskForPermissionsConsent/2");
        Assert.StartsWith("Thank you. " + quote, Speech(await first.ConsentResultAsync("200", "ACCEPTED")), StringComparison.Ordinal);
        await first.NoAsync();

        var next = skill.NewSession(rider);
        var quoted = await next.OrderAsync("the Space Needle");

        Assert.StartsWith(quote, Speech(quoted), StringComparison.Ordinal);
        Assert.Null(quoted["response"]!["directives"]);
        AssertStartConnection(await next.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        await next.PinResultAsync("200", "ACHIEVED", level: 400);
        var booking = Assert.Single(await skill.BookingsAsync());
        Assert.Equal("Jane", booking.Passenger.GivenName);
        Assert.Equal("+1 2065550142", booking.Passenger.MobileNumber);
    }

    [Fact]
    public async Task RiderWhoGrantedInTheAlexaApp_IsQuotedWithoutAConsentConnection()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var rider = RiderSetup.Default with { PersonId = null, PersonLinked = false };
        skill.Api.Permissions.GrantInApp(rider.UserId, null, SimulatedRider.AllDataScopes);

        var quoted = await skill.NewSession(rider).OrderAsync("the Space Needle");

        Assert.StartsWith(QuoteFromLocation, Speech(quoted), StringComparison.Ordinal);
        Assert.Contains($"GET {LocalAlexaApi.GivenNamePath}", skill.Api.Requests);
    }

    [Fact]
    public async Task Consent_AsksOnlyForWhatTheApisRefuse_NeverForAScopeAlreadyGranted()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = [PermissionScopes.GivenName] });

        var consent = await alexa.OrderAsync("the Space Needle");

        Assert.Equal("Sure. I need access to your current location and mobile number so that I can find a ride for you.", Speech(consent));
        var asked = consent["response"]!["directives"]![0]!["input"]!["permissionScopes"]!.AsArray()
            .Select(scope => (string)scope!["permissionScope"]!);
        Assert.Equal([PermissionScopes.Geolocation, PermissionScopes.MobileNumber], asked.Order());
        var quote = await alexa.ConsentResultAsync("200", "ACCEPTED");
        Assert.StartsWith("Thank you. " + QuoteFromLocation, Speech(quote), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfileIsRead_OnlyOnTheTurnsThatUseIt_OnceAScope()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        Assert.Empty(skill.Api.Requests);

        await alexa.OrderAsync("the Space Needle");
        var rideRequest = skill.Api.Requests.ToList();
        await alexa.ConsentResultAsync("200", "ACCEPTED");
        var afterConsent = skill.Api.Requests.Skip(rideRequest.Count).ToList();
        await alexa.YesAsync();

        // Nothing granted yet and no location in the request: name, number and the device address, each once.
        Assert.Equal(
            ["GET /v1/devices/amzn1.ask.device.kitchen/settings/address", $"GET {LocalAlexaApi.PersonGivenNamePath}", $"GET {LocalAlexaApi.PersonMobileNumberPath}"],
            rideRequest.Order(StringComparer.Ordinal));
        // After consent the request carries the location, so the address is not read.
        Assert.Equal([$"GET {LocalAlexaApi.PersonGivenNamePath}", $"GET {LocalAlexaApi.PersonMobileNumberPath}"], afterConsent.Order(StringComparer.Ordinal));
        Assert.Equal(rideRequest.Count + afterConsent.Count, skill.Api.Requests.Count);
    }

    [Fact]
    public async Task StaleLocation_IsNotAPickup_TheDeviceAddressIs()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var rider = RiderSetup.Default with { LocationAge = TimeSpan.FromMinutes(30) };
        skill.Api.Permissions.GrantInApp(rider.UserId, rider.PersonId, SimulatedRider.AllDataScopes);

        var quoted = await skill.NewSession(rider).OrderAsync("the Space Needle");

        Assert.StartsWith(QuoteFromAddress, Speech(quoted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPeopleOnOneEcho_EachWithTheirOwnLink_BookAsTwoRiders()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        foreach (var person in new[] { "amzn1.ask.person.jane", "amzn1.ask.person.john" })
        {
            var alexa = skill.NewSession(RiderSetup.Default with { PersonId = person, GrantedEarlier = RiderSetup.AllScopes() });
            await alexa.OrderAsync("the Space Needle");
            AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
            Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        }

        var bookings = await skill.BookingsAsync();
        Assert.Equal(2, bookings.Count);
        Assert.Equal(2, bookings.Select(booking => booking.Passenger.RiderId).Distinct().Count());
        Assert.Equal(2, (await skill.RiderPartitionsAsync()).Count);
    }

    [Fact]
    public async Task SpeakerWithoutTheirOwnLink_RidesOnTheAccountHoldersLink()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var ownLink = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        var accountLink = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes(), PersonLinked = false });
        var unlinked = skill.NewSession(RiderSetup.Default with { Linked = false, PersonLinked = false });

        foreach (var alexa in new[] { ownLink, accountLink })
        {
            await alexa.OrderAsync("the Space Needle");
            await alexa.YesAsync();
            await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        }

        Assert.Equal(Spoken.Line(Phrase.LinkAccount), Speech(await unlinked.OrderAsync("the Space Needle")));
        Assert.Equal(2, (await skill.BookingsAsync()).Select(booking => booking.Passenger.RiderId).Distinct().Count());
    }

    [Theory]
    [InlineData("""{ "status": null }""")]
    [InlineData("""{ "status": 1 }""")]
    [InlineData("""{ "status": "SOMETHING_NEW" }""")]
    [InlineData("""{ "status": { "value": "GRANTED" } }""")]
    [InlineData("""[ "GRANTED" ]""")]
    [InlineData("\"GRANTED\"")]
    [InlineData("null")]
    public async Task OddScopeStatus_IsUnknown_AndTheApisDecide(string entry)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = [PermissionScopes.GivenName, PermissionScopes.MobileNumber] });
        await alexa.LaunchAsync();
        var request = alexa.LastRequest!.DeepClone().AsObject();
        request["request"] = JsonNode.Parse($$"""
            { "type": "IntentRequest", "requestId": "amzn1.echo-api.request.odd", "locale": "en-US",
              "timestamp": "{{(string?)request["request"]!["timestamp"]}}",
              "intent": { "name": "OrderRideIntent", "confirmationStatus": "NONE",
                          "slots": { "destination": { "name": "destination", "value": "the Space Needle" } } } }
            """);
        foreach (var user in new[] { request["session"]!["user"]!, request["context"]!["System"]!["user"]! })
        {
            user["permissions"]!["scopes"]![PermissionScopes.Geolocation] = JsonNode.Parse(entry);
        }

        var response = await alexa.Post(request);

        Assert.Equal("Sure. I need access to your current location so that I can find a ride for you.", Speech(response));
    }
}
