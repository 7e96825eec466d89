using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Rides;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Rides;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The ride after the booking, through the endpoint and the real orchestration: a rider books, then in later sessions
/// asks where the ride is and cancels it: on the built-in fleet itself, and on a stand-in around it that scripts the
/// fee and counts the provider's cancels.
/// </summary>
public abstract class RideTalkTests(BackendUnderTest backend)
{
    private const string VerifyPerson = "connection://AMAZON.VerifyPerson/2";

    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    [Fact]
    public async Task BookThenInLaterSessions_WhereIsMyRide_CancelMyRide_Yes_CancelsOnce()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard)) { Fee = new Money(5m, "USD") };
        await using var skill = await SkillHarness.StartAsync(backend, configure: services => services.AddSingleton<IRideProvider>(provider));
        await BookAsync(skill.NewSession(Jane));
        var dispatch = (await skill.BookingsAsync()).Single().Dispatch;
        var driver = dispatch.DriverName;
        var plate = dispatch.LicensePlate.Replace(" ", "", StringComparison.Ordinal);

        var status = skill.NewSession(Jane);
        var where = await status.IntentAsync(TurnReader.RideStatusIntent);

        var cancel = skill.NewSession(Jane);
        var asked = await cancel.IntentAsync(TurnReader.CancelRideIntent);
        var cancelled = await cancel.YesAsync();

        var later = skill.NewSession(Jane);
        var again = await later.IntentAsync(TurnReader.CancelRideIntent);
        var afterwards = await skill.NewSession(Jane).IntentAsync(TurnReader.RideStatusIntent);

        Assert.Matches(
            $"^<speak>{driver} is [a-z-]+ minutes? away in {Regex.Escape(dispatch.Car)}, plate <say-as interpret-as=\"characters\">{plate}</say-as>\\.</speak>$",
            (string?)where["response"]!["outputSpeech"]!["ssml"]);
        Assert.True((bool?)where["response"]!["shouldEndSession"]);
        Assert.Equal(
            $"Cancel your ride to the Space Needle with {driver}? There's a five dollar cancellation fee now that your driver is close.",
            Speech(asked));
        Assert.False((bool?)asked["response"]!["shouldEndSession"]);
        Assert.Equal("Ok, I cancelled your ride to the Space Needle. You'll be charged a five dollar cancellation fee.", Speech(cancelled));
        Assert.Equal("Your ride is already cancelled.", Speech(again));
        Assert.Equal("Your last ride was cancelled.", Speech(afterwards));
        Assert.Equal(1, provider.CancelCalls);
        var booking = (await skill.BookingsAsync()).Single();
        Assert.Equal(RideStatus.RiderCanceled, booking.Progress?.Status);
        Assert.Equal(("cancel-" + booking.IdempotencyKey, new Money(5m, "USD")), provider.Cancels.Select(call => (call.Key, call.ConfirmedFee)).Single());
    }

    /// <summary>
    /// The same later sessions on the built-in fleet itself, as the DevHost runs it: its ride orchestration records the
    /// driver's acceptance on its timer, the status answers from that, the cancel is asked and done with the fleet's own
    /// fee rule, and the booking records the end.
    /// </summary>
    [Fact]
    public async Task BuiltInFleet_BookThenWhereIsMyRide_CancelMyRide_Yes_EndsTheRide()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));
        var booking = (await skill.BookingsAsync()).Single();
        await Signal.UntilAsync(async () => (await skill.BookingsAsync()).Single().Progress?.Status == RideStatus.Accepted, "the driver accepted");

        var where = await skill.NewSession(Jane).IntentAsync(TurnReader.RideStatusIntent);
        var cancel = skill.NewSession(Jane);
        var asked = await cancel.IntentAsync(TurnReader.CancelRideIntent);
        var cancelled = await cancel.YesAsync();
        var afterwards = await skill.NewSession(Jane).IntentAsync(TurnReader.RideStatusIntent);

        var driver = booking.Dispatch.DriverName;
        Assert.Matches($"^<speak>{driver} is [a-z-]+ minutes? away in ", (string?)where["response"]!["outputSpeech"]!["ssml"]);
        // Whether a fee applies depends on how near the driver already is; the sentences around it do not.
        Assert.StartsWith($"Cancel your ride to the Space Needle with {driver}?", Speech(asked), StringComparison.Ordinal);
        Assert.StartsWith("Ok, I cancelled your ride to the Space Needle.", Speech(cancelled), StringComparison.Ordinal);
        Assert.Equal("Your last ride was cancelled.", Speech(afterwards));
        Assert.Equal(RideStatus.RiderCanceled, (await skill.BookingsAsync()).Single().Progress?.Status);
    }

    /// <summary>
    /// "Where is my ride" at the quote of a second session: answered from the first ride, then the quote's question is
    /// asked again (as speech and reprompt), so the rider goes on to book it, or declines it, as if they had not asked.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SecondSession_WhereIsMyRide_AtTheQuote_IsAnsweredAndTheQuoteAskedAgain_ThenBooksOrDeclines(bool book)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        await BookAsync(skill.NewSession(Jane));
        var dispatch = (await skill.BookingsAsync()).Single().Dispatch;
        var plate = dispatch.LicensePlate.Replace(" ", "", StringComparison.Ordinal);
        const string BookIt = "Do you want me to book the ride to Pike Place Market?";

        var alexa = skill.NewSession(Jane);
        Assert.StartsWith("You already have a ride to the Space Needle", Speech(await alexa.OrderAsync("Pike Place Market")), StringComparison.Ordinal);
        Assert.StartsWith("A ride to Pike Place Market", Speech(await alexa.YesAsync()), StringComparison.Ordinal);
        var where = await alexa.SayAsync("where is my ride");
        var answer = book ? await alexa.YesAsync() : await alexa.NoAsync();

        Assert.Matches(
            $"^<speak>{dispatch.DriverName} is [a-z-]+ minutes? away in {Regex.Escape(dispatch.Car)}, plate <say-as interpret-as=\"characters\">{plate}</say-as>\\. {Regex.Escape(BookIt)}</speak>$",
            (string?)where["response"]!["outputSpeech"]!["ssml"]);
        Assert.False((bool?)where["response"]!["shouldEndSession"]);
        Assert.Equal(BookIt, (string?)where["response"]!["reprompt"]?["outputSpeech"]?["text"] ?? (string?)where["response"]!["reprompt"]?["outputSpeech"]?["ssml"]);
        if (book)
        {
            AssertStartConnection(answer, VerifyPerson);
            Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
            Assert.Equal(["Space Needle", "Pike Place Market"], (await skill.BookingsAsync()).OrderBy(booking => booking.BookedAt).Select(booking => booking.Quote.Destination.Name));
        }
        else
        {
            Assert.Equal("Ok, I won't book a ride. Thank you for using Ride Hailer.", Speech(answer));
            Assert.Single(await skill.BookingsAsync());
        }
    }

    [Fact]
    public async Task AmazonCancel_AtTheQuestion_LeavesTheRideAsItIs()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard));
        await using var skill = await SkillHarness.StartAsync(backend, configure: services => services.AddSingleton<IRideProvider>(provider));
        await BookAsync(skill.NewSession(Jane));

        var cancel = skill.NewSession(Jane);
        Assert.StartsWith("Cancel your ride to the Space Needle with ", Speech(await cancel.IntentAsync(TurnReader.CancelRideIntent)), StringComparison.Ordinal);
        var never = await cancel.IntentAsync("AMAZON.CancelIntent");

        Assert.Equal("Ok, I won't cancel it. Your ride is still booked.", Speech(never));
        Assert.True((bool?)never["response"]!["shouldEndSession"]);
        Assert.Equal(0, provider.CancelCalls);
        Assert.Null((await skill.BookingsAsync()).Single().Progress);
    }

    [Fact]
    public async Task WhereIsMyRide_WithNoRide_GoesOnToTheBooking()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(Jane);

        var none = await alexa.IntentAsync(TurnReader.RideStatusIntent);
        var quote = await alexa.OrderAsync("the Space Needle");

        Assert.Equal("You don't have a ride booked right now. Where would you like to go?", Speech(none));
        Assert.False((bool?)none["response"]!["shouldEndSession"]);
        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriceCheckForAnXl_IsQuotedAsAnXl_AndYesGoesToThePin()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(Jane);

        var quote = await alexa.IntentAsync(TurnReader.PriceCheckIntent, new JsonObject
        {
            ["destination"] = new JsonObject { ["name"] = "destination", ["value"] = "the Space Needle" },
            ["rideType"] = new JsonObject { ["name"] = "rideType", ["value"] = "xl" },
        });
        var pin = await alexa.YesAsync();

        Assert.StartsWith("An XL to the Space Needle from your current location will cost ", Speech(quote), StringComparison.Ordinal);
        Assert.EndsWith("Do you want me to book it?", Speech(quote), StringComparison.Ordinal);
        AssertStartConnection(pin, VerifyPerson);
        Assert.Empty(await skill.BookingsAsync());
    }

    private static async Task BookAsync(AlexaSession alexa)
    {
        Assert.StartsWith("A ride to the Space Needle", Speech(await alexa.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), VerifyPerson);
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
    }
}
