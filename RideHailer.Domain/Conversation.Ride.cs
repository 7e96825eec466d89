using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// Whether "where is my ride" or "cancel my ride" is the session's own question here: before a ride is being asked
    /// for (later, it is answered aside: see <see cref="CanInterruptForRide"/>).
    /// </summary>
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
            ? Answered(state, [Say(Phrase.RideLookupFailed)])
            : Unchanged(state, Phrase.NotExpected);

    private static Decision TellStatus(SessionState state, Booking? ride, DateTimeOffset now) =>
        ride is not null && StatusOf(ride, now) is { } status ? Answered(state, status) : NoRideToTell(state);

    /// <summary>What "where is my ride" says of <paramref name="ride"/> at <paramref name="now"/>; null once it completed.</summary>
    private static List<Message>? StatusOf(Booking ride, DateTimeOffset now)
    {
        var snapshot = RideSnapshot.Of(ride, now);
        var driver = snapshot.Driver;
        return snapshot.Status switch
        {
            RideStatus.Processing => [Say(Phrase.FindingDriver)],
            RideStatus.Accepted when snapshot.PickupEta > TimeSpan.Zero =>
                [new DriverOnTheWay(driver.DriverName, WholeMinutes.Of(snapshot.PickupEta), driver.Car, driver.LicensePlate)],
            RideStatus.Accepted or RideStatus.Arriving => [new DriverArriving(driver.DriverName)],
            RideStatus.InProgress => [new OnYourWay(ride.Quote.Destination)],
            RideStatus.RiderCanceled or RideStatus.DriverCanceled => [Say(Phrase.LastRideCancelled)],
            RideStatus.NoDriversAvailable => [Say(Phrase.LastRideNoDriver)],
            _ => null,
        };
    }

    /// <summary>
    /// No ride on its way: said so, and the session goes on to the normal booking; asked in the middle of one, that
    /// booking's question is asked again.
    /// </summary>
    private static Decision NoRideToTell(SessionState state) => state.InterruptedStep is { } interrupted
        ? BackTo(state, interrupted, [Say(Phrase.NoRideBooked)])
        : Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.NoRideBooked), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)]);

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
            RideStatus.RiderCanceled => Answered(state, [Say(Phrase.AlreadyCancelled)]),
            RideStatus.DriverCanceled => Answered(state, [Say(Phrase.LastRideCancelled)]),
            RideStatus.NoDriversAvailable => Answered(state, [Say(Phrase.LastRideNoDriver)]),
            RideStatus.InProgress => Answered(state, [Say(Phrase.RideStarted)]),
            RideStatus.Completed => NoRideToTell(state),
            _ => PriceCancel(state, ride),
        };
    }

    /// <summary>A ride on its way is priced for cancelling; one without a provider id cannot be cancelled by it.</summary>
    private static Decision PriceCancel(SessionState state, Booking ride) => ride.Dispatch.RideId is { } rideId
        ? new(state with { Step = SessionStep.PricingCancellation, RideToCancel = ride }, null, [new PriceCancellation(ride.IdempotencyKey, rideId)])
        : Answered(state, [Say(Phrase.CancelFailed)]);

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
        ? Answered(state, [Say(Phrase.RideServiceUnreachable)])
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

    /// <summary>
    /// The ride is cancelled. Asked at the second-ride question about the very ride it named, that ride is no longer
    /// on its way: the question stands for the new place, and a no is no longer "your driver is on the way".
    /// </summary>
    private static Decision OnRideCanceled(SessionState state, RideCanceled canceled)
    {
        if (state is not { Step: SessionStep.CancellingRide, RideToCancel: { } ride })
        {
            return Unchanged(state, Phrase.NotExpected);
        }

        var cancelled = state.ActiveRide?.IdempotencyKey == ride.IdempotencyKey ? state with { ActiveRide = null } : state;
        return Answered(cancelled, [new CancelDone(ride.Quote.Destination, canceled.Cancellation.Fee)]);
    }

    private static Decision OnRideCancelFailed(SessionState state, RideCancelFailed failed) => state.Step == SessionStep.CancellingRide
        ? Answered(state, [Say(failed.Unreachable ? Phrase.RideServiceUnreachable : Phrase.CancelFailed)])
        : Unchanged(state, Phrase.NotExpected);
}
