using System.Collections.Concurrent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.DevHost.SampleProvider;

/// <summary>
/// The sample provider's memory: the quotes it made (by the built-in fleet's tariff), its rides keyed by the
/// dispatch's <c>Idempotency-Key</c> (a repeat finds the same ride) and by ride id, and its cancellations by key.
/// </summary>
internal sealed class SampleRides(LocalFleet fleet, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Quote> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SampleRide>> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SampleRide> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SampleRide> _cancellations = new(StringComparer.Ordinal);
    private readonly Lock _cancelling = new();

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<Quote> QuoteAsync(GeoPoint pickup, Place destination, RideType rideType, CancellationToken cancellationToken)
    {
        var quote = await fleet.QuoteAsync(Pickup.AtGeolocation(pickup), destination, rideType, Now, cancellationToken);
        _quotes[quote.Id] = quote;
        return quote;
    }

    /// <summary>The quote as made, or null when this provider never made it.</summary>
    public Quote? FindQuote(string quoteId) => _quotes.GetValueOrDefault(quoteId);

    /// <summary>The ride for <paramref name="idempotencyKey"/>, dispatched now unless it was before (then IsNew is false).</summary>
    public (SampleRide Ride, bool IsNew) Dispatch(string idempotencyKey, Quote quote, WireRider rider)
    {
        var created = false;
        var ride = _byKey.GetOrAdd(idempotencyKey, key => new Lazy<SampleRide>(() =>
        {
            created = true;
            var now = Now;
            var passenger = new Passenger("sample-provider", null, rider.Name, rider.Phone);
            var dispatch = fleet.DispatchAsync(new RideOrder(key, quote, passenger), now, CancellationToken.None).GetAwaiter().GetResult();
            var made = new SampleRide(dispatch.RideId!, quote, dispatch, now);
            _byId[made.RideId] = made;
            return made;
        })).Value;
        return (_byId.GetValueOrDefault(ride.RideId) ?? ride, created);
    }

    public SampleRide? Find(string rideId) => _byId.GetValueOrDefault(rideId);

    /// <summary>
    /// Cancels the ride once per <paramref name="idempotencyKey"/> (a repeat answers as the first did). A ride that has
    /// ended is left as it is. A fee that applies must have been confirmed: otherwise null and nothing changes.
    /// </summary>
    public SampleRide? Cancel(SampleRide ride, string idempotencyKey, Money? confirmedFee)
    {
        lock (_cancelling)
        {
            if (_cancellations.TryGetValue(idempotencyKey, out var done))
            {
                return done;
            }

            var current = _byId[ride.RideId];
            var now = Now;
            if (current.Cancelled is not null || current.StatusAt(now).Status.IsFinal())
            {
                return _cancellations[idempotencyKey] = current;
            }

            var fee = current.CancelFeeAt(now);
            if (fee is not null && fee != confirmedFee)
            {
                return null;
            }

            var cancelled = current with { Cancelled = (now, fee) };
            _byId[ride.RideId] = cancelled;
            return _cancellations[idempotencyKey] = cancelled;
        }
    }
}
