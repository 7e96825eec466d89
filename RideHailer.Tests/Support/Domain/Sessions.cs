using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Skill.Places;

namespace RideHailer.Tests.Support.Domain;

/// <summary>Sessions driven to each step, for tests that go through every state.</summary>
internal static class Sessions
{
    public static readonly SessionStep[] AllSteps = Enum.GetValues<SessionStep>();

    public static TheoryData<SessionStep> EverySteps()
    {
        var data = new TheoryData<SessionStep>();
        foreach (var step in AllSteps)
        {
            data.Add(step);
        }

        return data;
    }

    public static SessionDriver At(SessionStep step)
    {
        var session = step == SessionStep.AwaitingConsent ? new SessionDriver(rider: Riders.LinkedWithoutConsent()) : new SessionDriver();
        switch (step)
        {
            case SessionStep.New:
                break;
            case SessionStep.AwaitingDestination:
                session.Send(new Launch());
                break;
            case SessionStep.AwaitingPlaceChoice:
                session.Places = new FakePlaceSearch(FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett);
                session.Send(new RideRequested("400 Broad Street", null));
                session.Places = PlaceCatalog.Default;
                break;
            case SessionStep.CheckingActiveRide:
                session.Decide(new RideRequested("the space needle", null));
                break;
            case SessionStep.AwaitingSecondRideAnswer:
                session.LookupAnswer = new ActiveRideFound(Quotes.EarlierRide(session.Now));
                session.Send(new RideRequested("the space needle", null));
                break;
            case SessionStep.AwaitingConsent:
            case SessionStep.Quoting:
                session.Send(new RideRequested("the space needle", null));
                break;
            case SessionStep.AwaitingQuoteAnswer:
                session.OfferQuote();
                break;
            case SessionStep.AwaitingPin:
                session.StartPin();
                break;
            case SessionStep.AwaitingPinRetryAnswer:
                session.StartPin();
                session.ResumePin(PinVerification.NoMatch, 300);
                break;
            case SessionStep.Booking:
                session.StartPin();
                session.ResumePin(PinVerification.Achieved);
                break;
            case SessionStep.Booked:
                session.StartPin();
                var book = (BookRide)session.ResumePin(PinVerification.Achieved).Commands[0];
                session.Send(new BookingDone(Quotes.BookingFor(book, session.Now)));
                break;
            case SessionStep.Ended:
                session.Send(new Launch());
                session.Send(new Stop());
                break;
            case SessionStep.CheckingRideStatus:
                session.Send(new RideStatusAsked());
                break;
            case SessionStep.FindingRideToCancel:
                session.Send(new CancelRideAsked());
                break;
            case SessionStep.PricingCancellation:
            case SessionStep.AwaitingCancelAnswer:
            case SessionStep.CancellingRide:
                session.Send(new CancelRideAsked());
                session.Send(new LatestRideFound(RideOnItsWay(session.Now)));
                if (step != SessionStep.PricingCancellation)
                {
                    session.Send(new CancellationFeeFound(null));
                }

                if (step == SessionStep.CancellingRide)
                {
                    session.Send(new Yes());
                }

                break;
        }

        Assert.Equal(step, session.State.Step);
        return session;
    }

    /// <summary>The rider's earlier ride to the Space Needle with Sam, as the provider knows it (it has a ride id).</summary>
    public static RideHailer.Domain.Rides.Booking RideOnItsWay(DateTimeOffset now)
    {
        var ride = Quotes.EarlierRide(now);
        return ride with { Dispatch = ride.Dispatch with { RideId = "ride-earlier" } };
    }
}
