using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Step 4: the offer, yes and no, expiry, and a provider that cannot price the ride.</summary>
public sealed class QuoteTests
{
    [Fact]
    public void QuoteReady_OffersPriceAndPickupTimeInWordsAndAsksToBook()
    {
        var offer = new SessionDriver().OfferQuote();

        Assert.Equal(
            "A ride to the Space Needle from your current location will cost fifteen dollars, and the driver can pick you up in ten minutes. Do you want me to book it?",
            offer.Reply!.Speech.ToPlainText());
        Assert.Equal("Do you want me to book the ride to the Space Needle?", offer.Reply.Reprompt!.ToPlainText());
        Assert.Equal(SessionBehavior.KeepOpen, offer.Reply.Session);
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, offer.State.Step);
    }

    [Fact]
    public void QuoteWithCents_IsSpokenWithDollarsAndCents()
    {
        var session = new SessionDriver();

        var offer = session.OfferQuote(Quotes.SpaceNeedle(session.Now) with { Price = new Money(12.5m, "USD"), PickupEta = TimeSpan.FromMinutes(1) });

        Assert.Contains("will cost twelve dollars and fifty cents, and the driver can pick you up in one minute.", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_BooksNothingAndEndsPolitely()
    {
        var session = new SessionDriver();
        session.OfferQuote();

        var decision = session.Send(new No());

        Assert.Equal("Ok, I won't book a ride. Thank you for using Ride Hailer.", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Empty(decision.Commands);
        Assert.True(decision.State.IsFinished);
        Assert.Empty(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void Yes_WithoutRecognisedSpeaker_GreetsWithProfileName()
    {
        var session = new SessionDriver();

        Assert.Equal("Ok, Alex.", session.StartPin().Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void Yes_WithoutAnyName_SaysJustOk()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        session.State = session.State with { Passenger = session.State.Passenger! with { GivenName = null } };
        session.Rider = session.Rider with { GivenName = null };

        Assert.Equal("Ok.", session.Send(new Yes()).Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void Yes_WithRecognisedSpeaker_GreetsWithPersonFirstNamePart()
    {
        var session = new SessionDriver(rider: Riders.FullyGranted(Riders.PersonId));

        var speech = session.StartPin().Reply!.Speech;

        Assert.Equal(new PersonFirstName(Riders.PersonId), Spoken.English.Say(Assert.Single(speech))[1]);
        Assert.Equal("Ok, [first name].", speech.ToPlainText());
    }

    [Fact]
    public void Yes_AfterProviderExpiry_RequotesAndAsksAgain()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        session.Now += TimeSpan.FromMinutes(5);

        var yes = session.Send(new Yes());

        Assert.Null(yes.Reply);
        var requote = Assert.IsType<QuoteRide>(Assert.Single(yes.Commands));
        Assert.Equal("space-needle", requote.Destination.Id);
        Assert.Equal(SessionStep.Quoting, yes.State.Step);

        var offer = session.Send(new QuoteReady(Quotes.SpaceNeedle(session.Now, "q-fresh")));
        Assert.StartsWith("That price has expired, so I checked again. A ride to the Space Needle", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal("q-fresh", offer.State.Quote!.Id);
    }

    [Fact]
    public void Yes_AfterConversationQuoteValidity_RequotesEvenIfProviderStillHoldsThePrice()
    {
        var session = new SessionDriver(ConversationSettings.Default with { QuoteValidity = TimeSpan.FromMinutes(1) });
        session.OfferQuote();
        session.Now += TimeSpan.FromMinutes(1);

        Assert.IsType<QuoteRide>(Assert.Single(session.Send(new Yes()).Commands));
    }

    [Fact]
    public void Yes_JustBeforeExpiry_GoesToPin()
    {
        var session = new SessionDriver();
        session.OfferQuote();
        session.Now += TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1);

        Assert.IsType<PinConnectionRequest>(session.Send(new Yes()).Reply!.Connection);
    }

    [Fact]
    public void QuoteFailed_ApologisesAndEndsWithoutBooking()
    {
        var session = new SessionDriver();
        session.Send(new RideRequested("space needle", null));

        var decision = session.Send(new QuoteFailed("provider down"));

        Assert.Equal("Sorry, I couldn't find a ride to the Space Needle right now. Thank you for using Ride Hailer.", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public async Task RideOutsideTheFleetsReach_EndsWithApologyFromRealFleet()
    {
        var session = new SessionDriver();

        var decision = await session.SendAndRunAsync(new RideRequested("the statue of liberty", null));

        Assert.StartsWith("Sorry, I couldn't find a ride to the Statue of Liberty", decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalFleetQuote_IsSpokenFromItsOwnNumbers()
    {
        var session = new SessionDriver();

        var decision = await session.SendAndRunAsync(new RideRequested("the airport", null));

        var quote = decision.State.Quote!;
        // The words are the fleet's fare and wait, whatever the tariff makes them (EnglishWordsTests pins the words of numbers).
        Assert.Equal(
            $"A ride to Seattle-Tacoma International Airport from your current location will cost {Spoken.Dollars(quote.Price.Amount)}, "
            + $"and the driver can pick you up in {Spoken.Minutes(quote.PickupEta)}. Do you want me to book it?",
            decision.Reply!.Speech.ToPlainText());
        Assert.Equal("USD", quote.Price.Currency);
        Assert.True(quote.Price.Amount > 25m, $"SeaTac is about twelve miles from downtown, so {quote.Price.Amount} is too cheap.");
    }

    [Fact]
    public void QuoteReady_ForAnotherDestination_IsIgnored()
    {
        var session = new SessionDriver();
        session.Send(new RideRequested("space needle", null));
        var before = session.State;
        PlaceCatalog.Default.TryGet("kerry-park", out var kerry);

        var decision = session.Send(new QuoteReady(Quotes.SpaceNeedle(session.Now) with { Destination = kerry! }));

        Assert.Same(before, decision.State);
    }

    [Fact]
    public void QuoteReady_WhenNoQuoteWasCommanded_IsIgnored()
    {
        var session = new SessionDriver();
        session.Send(new Launch());
        var before = session.State;

        var decision = session.Send(new QuoteReady(Quotes.SpaceNeedle(session.Now)));

        Assert.Same(before, decision.State);
        Assert.Empty(decision.Commands);
    }
}
