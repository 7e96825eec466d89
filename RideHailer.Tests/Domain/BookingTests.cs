using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Step 6: the booking is commanded once, spoken once, and replays only re-speak it.</summary>
public sealed class BookingTests
{
    private static (SessionDriver Session, BookRide Command, string PinToken) Booking()
    {
        var session = new SessionDriver();
        session.StartPin();
        var token = session.PendingToken;
        var command = Assert.IsType<BookRide>(Assert.Single(session.ResumePin(PinVerification.Achieved).Commands));
        return (session, command, token);
    }

    [Fact]
    public void BookingDone_SaysDriverEtaAndSendsBookingCard()
    {
        var (session, command, _) = Booking();

        var decision = session.Send(new BookingDone(Quotes.BookingFor(command, session.Now)));

        Assert.Equal("Great. Your driver will arrive in eight minutes.", decision.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, decision.Reply.Session);
        var card = Spoken.English.BookedCard(Assert.IsType<RideBookedCard>(decision.Reply.Card));
        Assert.Equal(
            "Driver: Sam, a silver Toyota Prius (BXK 4821)\nPickup: your current location\nDestination: Space Needle\nPrice: $15.00\nArrives in: eight minutes",
            card.Content);
        Assert.Equal(SessionStep.Booked, decision.State.Step);
        Assert.True(decision.State.IsFinished);
    }

    [Fact]
    public void SecondPinResumeWithUsedToken_AfterBooking_ReSpeaksBookingAndCommandsNothing()
    {
        var (session, command, token) = Booking();
        session.Send(new BookingDone(Quotes.BookingFor(command, session.Now)));
        var before = session.State;

        var replay = session.Send(new PinResolved(token, PinVerification.Achieved, 400, true));

        Assert.Same(before, replay.State);
        Assert.Empty(replay.Commands);
        Assert.Equal("Your ride to the Space Needle is booked. Your driver will arrive in eight minutes.", replay.Reply!.Speech.ToPlainText());
        Assert.IsType<RideBookedCard>(replay.Reply.Card);
    }

    [Fact]
    public void PinResumeReplayedWhileBooking_CommandsNothingAgain()
    {
        var (session, _, token) = Booking();
        var before = session.State;

        var replay = session.Send(new PinResolved(token, PinVerification.Achieved, 400, true));

        Assert.Same(before, replay.State);
        Assert.Empty(replay.Commands);
        Assert.Equal("I'm still booking your ride. Please try again in a moment.", replay.Reply!.Speech.ToPlainText());
    }

    [Fact]
    public void BookingFailed_ApologisesEndsAndNeverCommandsBookingAgain()
    {
        var (session, _, token) = Booking();

        var failed = session.Send(new BookingFailed("store unavailable"));
        session.Send(new PinResolved(token, PinVerification.Achieved, 400, true));
        session.Send(new Yes());

        Assert.Equal("Sorry, I couldn't book your ride. Please try again later. Thank you for using Ride Hailer.", failed.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionBehavior.End, failed.Reply.Session);
        Assert.Equal(SessionStep.Ended, failed.State.Step);
        Assert.Single(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void BookingDone_ForAnotherKey_IsIgnored()
    {
        var (session, command, _) = Booking();
        var before = session.State;

        var decision = session.Send(new BookingDone(Quotes.BookingFor(command with { IdempotencyKey = "bk-other" }, session.Now)));

        Assert.Same(before, decision.State);
    }

    [Fact]
    public void BookingDone_Twice_SpeaksGreatOnlyOnce()
    {
        var (session, command, _) = Booking();
        var booking = Quotes.BookingFor(command, session.Now);
        session.Send(new BookingDone(booking));
        var before = session.State;

        var again = session.Send(new BookingDone(booking));

        Assert.Same(before, again.State);
        Assert.DoesNotContain("Great.", again.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void StopWhileBooking_EndsButStillAcceptsTheBookingResult()
    {
        var (session, command, _) = Booking();

        var stop = session.Send(new Stop());
        var done = session.Send(new BookingDone(Quotes.BookingFor(command, session.Now)));

        Assert.Equal("Your ride is already being booked. Goodbye.", stop.Reply!.Speech.ToPlainText());
        Assert.Equal(SessionStep.Booked, done.State.Step);
        Assert.Single(session.CommandsIssued.OfType<BookRide>());
    }

    [Fact]
    public void IdempotencyKey_IsStablePerSessionAndQuoteAndDiffersOtherwise()
    {
        var key = BookRide.IdempotencyKeyFor("session-a", "q-1");

        Assert.Equal(key, BookRide.IdempotencyKeyFor("session-a", "q-1"));
        Assert.NotEqual(key, BookRide.IdempotencyKeyFor("session-b", "q-1"));
        Assert.NotEqual(key, BookRide.IdempotencyKeyFor("session-a", "q-2"));
        Assert.NotEqual(BookRide.IdempotencyKeyFor("a|b", "c"), BookRide.IdempotencyKeyFor("a", "b|c"));
        Assert.Matches("^bk-[0-9a-f]{32}$", key);
    }

    [Fact]
    public async Task FullSessionWithRealFleet_StoresExactlyOneBooking()
    {
        var session = new SessionDriver();
        await session.SendAndRunAsync(new RideRequested("pike place market", null));
        session.Send(new Yes());
        var token = session.PendingToken;

        var booked = await session.SendAndRunAsync(new PinResolved(token, PinVerification.Achieved, 400, true));
        await session.SendAndRunAsync(new PinResolved(token, PinVerification.Achieved, 400, true));

        Assert.StartsWith("Great. Your driver will arrive in ", booked.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(1, session.Store.Count);
        Assert.Equal(booked.State.Booking, await session.Store.FindAsync(booked.State.BookingKey!, CancellationToken.None));
    }
}
