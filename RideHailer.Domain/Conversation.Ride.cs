using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>Whether "where is my ride" or "cancel my ride" can start here: before a ride is being asked for.</summary>
    private static bool CanAskAboutRide(SessionStep step) => step is SessionStep.New or SessionStep.AwaitingDestination;

    /// <summary>
    /// "Where is my ride" / "cancel my ride": the rider's latest ride, in any session, is looked up for the rider the
    /// linked account names (as for the second-ride guard); without a linked account there is no rider to look up.
    /// </summary>
    private static Decision OnRideQuestion(SessionState state, Turn turn, TurnContext context)
    {
        if (string.IsNullOrWhiteSpace(context.Rider.RiderId))
        {
            return End(state, [Say(Phrase.LinkAccount)], new AccountLinkingCard());
        }

        var step = turn is CancelRideAsked ? SessionStep.FindingRideToCancel : SessionStep.CheckingRideStatus;
        return new(state with { Step = step }, null, [new FindLatestRide(context.Rider.RiderId)]);
    }

    /// <summary>The latest ride (null: none) answers the question the session is looking it up for.</summary>
    private static Decision OnLatestRide(SessionState state, Booking? ride, TurnContext context) => state.Step switch
    {
        SessionStep.CheckingRideStatus => TellStatus(state, ride, context.Now),
        SessionStep.FindingRideToCancel => FindFee(state, ride, context.Now),
        _ => Unchanged(state, Phrase.NotExpected),
    };

    /// <summary>The bookings could not be read: nothing is claimed about the ride either way.</summary>
    private static Decision OnLatestRideLookupFailed(SessionState state) =>
        state.Step is SessionStep.CheckingRideStatus or SessionStep.FindingRideToCancel
            ? End(state, Phrase.RideLookupFailed)
            : Unchanged(state, Phrase.NotExpected);

    private static Decision TellStatus(SessionState state, Booking? ride, DateTimeOffset now)
    {
        if (ride is null)
        {
            return NoRideToTell(state);
        }

        var snapshot = RideSnapshot.Of(ride, now);
        var driver = snapshot.Driver;
        return snapshot.Status switch
        {
            RideStatus.Processing => End(state, Phrase.FindingDriver),
            RideStatus.Accepted when snapshot.PickupEta > TimeSpan.Zero => End(
                state,
                [new DriverOnTheWay(driver.DriverName, WholeMinutes.Of(snapshot.PickupEta), driver.Car, driver.LicensePlate)]),
            RideStatus.Accepted or RideStatus.Arriving => End(state, [new DriverArriving(driver.DriverName)]),
            RideStatus.InProgress => End(state, [new OnYourWay(ride.Quote.Destination)]),
            RideStatus.RiderCanceled or RideStatus.DriverCanceled => End(state, Phrase.LastRideCancelled),
            RideStatus.NoDriversAvailable => End(state, Phrase.LastRideNoDriver),
            _ => NoRideToTell(state),
        };
    }

    /// <summary>No ride on its way: said so, and the session goes on to the normal booking.</summary>
    private static Decision NoRideToTell(SessionState state) =>
        Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.NoRideBooked), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]);

    /// <summary>
    /// The ride "cancel my ride" means: one on its way is priced for cancelling; one cancelled already is said so without
    /// asking the provider again; one the rider is in, or that ended, is not cancelled.
    /// </summary>
    private static Decision FindFee(SessionState state, Booking? ride, DateTimeOffset now)
    {
        if (ride is null)
        {
            return NoRideToTell(state);
        }

        return RideSnapshot.Of(ride, now).Status switch
        {
            RideStatus.RiderCanceled => End(state, Phrase.AlreadyCancelled),
            RideStatus.DriverCanceled => End(state, Phrase.LastRideCancelled),
            RideStatus.NoDriversAvailable => End(state, Phrase.LastRideNoDriver),
            RideStatus.InProgress => End(state, Phrase.RideStarted),
            RideStatus.Completed => NoRideToTell(state),
            _ => PriceCancel(state, ride),
        };
    }

    /// <summary>A ride on its way is priced for cancelling; one without a provider id cannot be cancelled by it.</summary>
    private static Decision PriceCancel(SessionState state, Booking ride) => ride.Dispatch.RideId is { } rideId
        ? new(state with { Step = SessionStep.PricingCancellation, RideToCancel = ride }, null, [new PriceCancellation(ride.IdempotencyKey, rideId)])
        : End(state, Phrase.CancelFailed);

    /// <summary>"Cancel your ride to the Space Needle with Sam?", with the fee the provider reports; only a yes cancels.</summary>
    private static Decision OnCancellationFee(SessionState state, CancellationFeeFound found)
    {
        if (state.Step != SessionStep.PricingCancellation || state.RideToCancel is not { } ride)
        {
            return Unchanged(state, Phrase.NotExpected);
        }

        var asking = state with { Step = SessionStep.AwaitingCancelAnswer, CancellationFee = found.Fee };
        return Ask(asking, [QuestionFor(asking)!], [QuestionFor(asking)!]);
    }

    private static ConfirmCancel? QuestionFor(SessionState state) => state.RideToCancel is { } ride
        ? new ConfirmCancel(ride.Quote.Destination, (ride.Progress?.Driver ?? ride.Dispatch).DriverName, state.CancellationFee)
        : null;

    private static Decision OnCancellationFeeFailed(SessionState state) => state.Step == SessionStep.PricingCancellation
        ? End(state, Phrase.RideServiceUnreachable)
        : Unchanged(state, Phrase.NotExpected);

    /// <summary>Yes to the cancel question: cancel, accepting exactly the fee the rider heard.</summary>
    private static Decision OnCancelAccepted(SessionState state)
    {
        if (state.RideToCancel is not { Dispatch.RideId: { } rideId } ride)
        {
            return LostTrack(state);
        }

        var cancelling = state with { Step = SessionStep.CancellingRide };
        return new(cancelling, null, [new CancelRide(ride.IdempotencyKey, rideId, state.CancellationFee)]);
    }

    private static Decision OnRideCanceled(SessionState state, RideCanceled canceled) =>
        state is { Step: SessionStep.CancellingRide, RideToCancel: { } ride }
            ? End(state, [new CancelDone(ride.Quote.Destination, canceled.Cancellation.Fee)])
            : Unchanged(state, Phrase.NotExpected);

    private static Decision OnRideCancelFailed(SessionState state, RideCancelFailed failed) => state.Step == SessionStep.CancellingRide
        ? End(state, failed.Unreachable ? Phrase.RideServiceUnreachable : Phrase.CancelFailed)
        : Unchanged(state, Phrase.NotExpected);
}
