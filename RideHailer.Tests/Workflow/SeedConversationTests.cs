using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>The seeds' conversations, whole, through the endpoint and the real orchestration.</summary>
public abstract class SeedConversationTests(BackendUnderTest backend)
{
    [Fact]
    public async Task ConsentAccepted_QuotesThenBooksOnceAfterThePin()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();

        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", Speech(await alexa.LaunchAsync()));

        var consent = await alexa.OrderAsync("the Space Needle");
        Assert.Equal("Sure. I need access to your name, current location, and mobile number so that I can find a ride for you.", Speech(consent));
        AssertStartConnection(consent, "connection://AMAZON.AskForPermissionsConsent/2");
        Assert.Equal("AskForPermissionsConsentRequest", (string?)consent["response"]!["directives"]![0]!["input"]!["@type"]);

        var quote = await alexa.ConsentResultAsync("200", "ACCEPTED");
        Assert.StartsWith("Thank you. A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        Assert.EndsWith("Do you want me to book it?", Speech(quote), StringComparison.Ordinal);
        Assert.False((bool)quote["response"]!["shouldEndSession"]!);

        var pin = await alexa.YesAsync();
        AssertStartConnection(pin, "connection://AMAZON.VerifyPerson/2");
        Assert.Equal("""<speak>Ok, <alexa:name type="first" personId="amzn1.ask.person.jane"/>.</speak>""", (string?)pin["response"]!["outputSpeech"]!["ssml"]);

        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        Assert.Matches("^Great. Your driver will arrive in .+ minutes?\\.$", Speech(booked));
        Assert.Equal("Simple", (string?)booked["response"]!["card"]!["type"]);
        Assert.True((bool)booked["response"]!["shouldEndSession"]!);
        var booking = Assert.Single(await skill.BookingsAsync());
        Assert.Equal("Jane", booking.Passenger.GivenName);
        Assert.Equal("+1 2065550142", booking.Passenger.MobileNumber);
        Assert.Equal("space-needle", booking.Quote.Destination.Id);
    }

    [Fact]
    public async Task ConsentDenied_EndsWithThePermissionsCardAndNoBooking()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        await alexa.OrderAsync("the Space Needle");

        var denied = await alexa.ConsentResultAsync("200", "DENIED");

        Assert.Equal(
            "Ok. To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer permission, and then open Ride Hailer again. Thank you for using Ride Hailer.",
            Speech(denied));
        AssertPermissionsCard(denied, PermissionScopes.GivenName, PermissionScopes.Geolocation, PermissionScopes.MobileNumber);
        Assert.True((bool)denied["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Theory]
    [InlineData("200", "NOT_ANSWERED")]
    [InlineData("204", null)]
    public async Task ConsentNotAnswered_EndsWithoutOkAndWithTheCard(string code, string? status)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.LaunchAsync();
        await alexa.OrderAsync("the Space Needle");

        var unanswered = await alexa.ConsentResultAsync(code, status);

        Assert.Equal(
            "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer permission, and then open Ride Hailer again. Thank you for using Ride Hailer.",
            Speech(unanswered));
        AssertPermissionsCard(unanswered, PermissionScopes.GivenName, PermissionScopes.Geolocation, PermissionScopes.MobileNumber);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task PinSeed_OneShotWithScopesGranted_QuotesAsksForThePinAndBooks()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var quote = await alexa.OrderAsync("the Space Needle");
        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);

        var pin = await alexa.YesAsync();
        AssertStartConnection(pin, "connection://AMAZON.VerifyPerson/2");
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith("Great. Your driver will arrive in ", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }
}
