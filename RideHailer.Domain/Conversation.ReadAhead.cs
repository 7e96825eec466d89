using RideHailer.Domain.Places;

namespace RideHailer.Domain;

public sealed partial class Conversation
{
    /// <summary>
    /// The reads <paramref name="turn"/> commands when its session can take it, known from the turn and this request's
    /// facts alone: the place search a ride request starts, the look-up of a ride on its way that follows it (or follows a
    /// place chosen among those offered), the rider's latest ride for "where is my ride". A caller may run them while the
    /// session is being reached and hand their results in with the turn; the session uses a result only for a command it
    /// then gives, equal to the one read (a result it does not use changes nothing: these read, and the latest ride's
    /// look-up at most refreshes its stored status from the provider, as any later look-up would).
    /// </summary>
    public static IReadOnlyList<Command> ReadsAhead(Turn turn, RiderFacts rider)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(rider);
        var riderId = string.IsNullOrWhiteSpace(rider.RiderId) ? null : rider.RiderId;
        if (PlaceSearchFor(turn, rider, riderId) is { } search)
        {
            return riderId is null ? [search] : [search, new FindActiveRide(riderId)];
        }

        return (turn, riderId) switch
        {
            (PlaceChosen, { } id) => [new FindActiveRide(id)],
            (RideStatusAsked or CancelRideAsked, { } id) => [new FindLatestRide(id)],
            _ => [],
        };
    }

    private static FindPlace? PlaceSearchFor(Turn turn, RiderFacts rider, string? riderId) => turn switch
    {
        RideRequested request when request.DestinationText is not null || request.PlaceId is not null => PlaceSearch(request, rider),
        RideHomeRequested when riderId is not null && rider.HomeAddress is { Length: > 0 } address => HomeSearch(address, rider),
        _ => null,
    };

    private static FindPlace PlaceSearch(RideRequested request, RiderFacts rider) =>
        new(new PlaceQuery(request.DestinationText, request.PlaceId, rider.Pickup?.Point));

    private static FindPlace HomeSearch(string address, RiderFacts rider) =>
        new(new PlaceQuery(address, null, rider.Pickup?.Point)) { Home = true };
}
