using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>
/// The ride provider's answers besides a quote and a booking: unreachable when pricing or booking (an apology, the
/// end, nothing booked), and a quote the provider no longer honours at booking (priced again and offered first).
/// </summary>
public sealed class RideServiceTests
{
    [Fact]
    public void Unreachable_WhenQuoting_ApologisesAndEnds()
    {
        var session = new SessionDriver();
        var quoting = session.Send(new RideRequested("the space needle", null));
        Assert.IsType<QuoteRide>(Assert.Single(quoting.Commands));

        var decision = session.Send(new RideServiceUnreachable("RideServiceUnreachableException"));

        Assert.Equal(Spoken.Line(Phrase.RideServiceUnreachable), decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        Assert.Equal(SessionStep.Ended, decision.State.Step);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Unreachable_WhenBooking_ApologisesEndsAndBooksNothing()
    {
        var session = new SessionDriver();
        session.StartPin();
        Assert.IsType<BookRide>(Assert.Single(session.ResumePin(PinVerification.Achieved).Commands));

        var decision = session.Send(new RideServiceUnreachable("RideServiceUnreachableException"));

        Assert.Equal(Spoken.Line(Phrase.RideServiceUnreachable), decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Ended, decision.State.Step);
        Assert.Null(decision.State.Booking);
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Unreachable_AtAStepThatWaitsForNoProvider_ChangesNothing()
    {
        var session = new SessionDriver();
        var offered = session.OfferQuote();

        var decision = session.Send(new RideServiceUnreachable("late"));

        Assert.Equal(offered.State, decision.State);
        Assert.StartsWith(Spoken.Line(Phrase.NotExpected), decision.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteExpiredAtBooking_PricesTheSameRideAgain_WithTheKeyLetGo()
    {
        var session = new SessionDriver();
        session.StartPin();
        var book = Assert.IsType<BookRide>(Assert.Single(session.ResumePin(PinVerification.Achieved).Commands));

        var decision = session.Send(new BookingQuoteExpired(book.IdempotencyKey));

        var requote = Assert.IsType<QuoteRide>(Assert.Single(decision.Commands));
        Assert.Equal((book.Quote.Pickup, book.Quote.Destination, book.Quote.RideType), (requote.Pickup, requote.Destination, requote.RideType));
        Assert.Null(decision.Reply);
        Assert.Equal(SessionStep.Quoting, decision.State.Step);
        Assert.Null(decision.State.BookingKey);
    }

    [Fact]
    public void QuoteExpiredAtBooking_TheNewPriceIsOfferedAsRefreshed_AndAYesAsksForThePinAgain()
    {
        var session = new SessionDriver();
        session.StartPin();
        var book = Assert.IsType<BookRide>(Assert.Single(session.ResumePin(PinVerification.Achieved).Commands));
        session.Send(new BookingQuoteExpired(book.IdempotencyKey));
        var fresh = Quotes.SpaceNeedle(session.Now, id: "q-fresh") with { Price = new Money(18m, "USD") };

        var offer = session.Send(new QuoteReady(fresh));
        var yes = session.Send(new Yes());
        var rebook = Assert.IsType<BookRide>(Assert.Single(session.ResumePin(PinVerification.Achieved).Commands));

        Assert.StartsWith(Spoken.Line(Phrase.PriceRefreshed) + " A ride to the Space Needle", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Contains("eighteen dollars", offer.Reply.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, offer.State.Step);
        Assert.IsType<PinConnectionRequest>(yes.Reply!.Connection);
        Assert.Equal("q-fresh", rebook.Quote.Id);
        Assert.NotEqual(book.IdempotencyKey, rebook.IdempotencyKey);
    }

    [Fact]
    public void QuoteExpired_ForAnotherKey_ChangesNothing()
    {
        var session = new SessionDriver();
        session.StartPin();
        var booking = session.ResumePin(PinVerification.Achieved);

        var decision = session.Send(new BookingQuoteExpired("bk-someone-else"));

        Assert.Equal(booking.State, decision.State);
        Assert.Empty(decision.Commands);
    }
}
