using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>A pickup this close to home is home.</summary>
    internal const double AtHomeKilometres = 0.15;

    /// <summary>
    /// "Take me home": home is the address of the rider's device, found once a session with the same place search
    /// (its full address as the query) and remembered.
    /// </summary>
    private Decision OnRideHomeRequested(SessionState state, TurnContext context)
    {
        if (state.Home is { } home)
        {
            return GoHome(state with { PlaceChoices = null }, home, context);
        }

        var rider = context.Rider;
        if (string.IsNullOrWhiteSpace(rider.RiderId))
        {
            return End(state, [Say(Phrase.LinkAccount)], new AccountLinkingCard());
        }

        if (rider.HomeAddress is not { Length: > 0 } address)
        {
            var lead = (rider.UnreachableScopes ?? []).Contains(_settings.AddressScope) ? Phrase.ProfileUnreachable : Phrase.NoHomeAddress;
            return Ask(
                state with { Step = SessionStep.AwaitingDestination, PlaceChoices = null },
                [Say(lead), Say(Phrase.WhereTo)],
                [Say(Phrase.WhereTo)]);
        }

        var search = HomeSearch(address, rider);
        return new(state with { PlaceSearch = search }, null, [search]);
    }

    /// <summary>The home address found: the best place is home, remembered for the session; nothing found asks again.</summary>
    private Decision OnHomeFound(SessionState state, IReadOnlyList<Place> found, TurnContext context) => found is [var home, ..]
        ? GoHome(state with { Home = home }, home, context)
        : MissDestination(state, [Say(Phrase.HomeNotFound), Say(Phrase.WhereTo)], GivenUp(DestinationMiss.NotFound, state, context));

    /// <summary>A ride home, unless the rider is there already: picked up at the device's address, or within 150 m of home.</summary>
    private Decision GoHome(SessionState state, Place home, TurnContext context) => IsAt(home, context.Rider.Pickup)
        ? Ask(state with { Step = SessionStep.AwaitingDestination }, [Say(Phrase.AlreadyHome), Say(Phrase.WhereTo)], [Say(Phrase.WhereTo)])
        : GoTo(state, home, context);

    private static bool IsAt(Place home, Pickup? pickup) => pickup switch
    {
        { Source: PickupSource.DeviceAddress } => true,
        { Point: { } point } => point.KilometresTo(home.Location) <= AtHomeKilometres,
        _ => false,
    };
}
