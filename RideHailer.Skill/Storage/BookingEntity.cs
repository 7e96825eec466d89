using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;

namespace RideHailer.Skill.Storage;

/// <summary>
/// A booking as one row a person can read in the table: partition by rider, row by idempotency key, and a column
/// per fact. Tables has no decimal or TimeSpan, so the fare and durations are invariant strings ("12.50",
/// "00:10:00") that round-trip exactly. <see cref="ArrivesAt"/> is derived (booked time plus the driver's ETA) and
/// kept as a column of its own so the table can find a rider's rides still on their way without reading the rest.
/// </summary>
internal sealed class BookingEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string IdempotencyKey { get; set; } = string.Empty;

    public DateTimeOffset BookedAt { get; set; }

    public string RiderId { get; set; } = string.Empty;

    public string? PersonId { get; set; }

    public string? GivenName { get; set; }

    public string? MobileNumber { get; set; }

    public string QuoteId { get; set; } = string.Empty;

    public string PickupSource { get; set; } = string.Empty;

    public double? PickupLatitude { get; set; }

    public double? PickupLongitude { get; set; }

    public string? PickupAddress { get; set; }

    public string? PickupCity { get; set; }

    public string DestinationId { get; set; } = string.Empty;

    public string Destination { get; set; } = string.Empty;

    public string DestinationSpokenName { get; set; } = string.Empty;

    public double DestinationLatitude { get; set; }

    public double DestinationLongitude { get; set; }

    public string DestinationCity { get; set; } = string.Empty;

    /// <summary>The price's amount (invariant culture); with <see cref="FareCurrency"/>.</summary>
    public string FareAmount { get; set; } = string.Empty;

    /// <summary>The price's ISO 4217 currency.</summary>
    public string FareCurrency { get; set; } = string.Empty;

    /// <summary>The price of rows stored before prices carried a currency (always US dollars); read, never written.</summary>
    public string? FareUsd { get; set; }

    public string PickupEta { get; set; } = string.Empty;

    public DateTimeOffset QuotedAt { get; set; }

    public DateTimeOffset QuoteExpiresAt { get; set; }

    public string DriverName { get; set; } = string.Empty;

    public string Car { get; set; } = string.Empty;

    public string LicensePlate { get; set; } = string.Empty;

    public string DriverEta { get; set; } = string.Empty;

    /// <summary>When the driver is due; null in rows stored before the column existed, which never read as active.</summary>
    public DateTimeOffset? ArrivesAt { get; set; }

    /// <summary>The provider's id for the ride; null in rows stored before rides had ids.</summary>
    public string? RideId { get; set; }

    /// <summary>The ride's last reported status, by its wire name ("arriving"); null while nothing was reported.</summary>
    public string? RideStatus { get; set; }

    /// <summary>The provider's sequence number of the last report.</summary>
    public long? RideSequence { get; set; }

    /// <summary>When the provider made the last report.</summary>
    public DateTimeOffset? RideReportedAt { get; set; }

    /// <summary>The driver's pickup ETA as of the last report (invariant "c" format).</summary>
    public string? RidePickupEta { get; set; }

    /// <summary>The driver named by the last report, when one is.</summary>
    public string? ReportedDriverName { get; set; }

    public string? ReportedCar { get; set; }

    public string? ReportedLicensePlate { get; set; }

    public static string PartitionFor(string riderId) => "rider-" + TableKey.From(riderId);

    public static BookingEntity From(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var (quote, passenger, dispatch) = (booking.Quote, booking.Passenger, booking.Dispatch);
        return new BookingEntity
        {
            PartitionKey = PartitionFor(passenger.RiderId),
            RowKey = TableKey.From(booking.IdempotencyKey),
            IdempotencyKey = booking.IdempotencyKey,
            BookedAt = booking.BookedAt,
            RiderId = passenger.RiderId,
            PersonId = passenger.PersonId,
            GivenName = passenger.GivenName,
            MobileNumber = passenger.MobileNumber,
            QuoteId = quote.Id,
            PickupSource = quote.Pickup.Source.ToString(),
            PickupLatitude = quote.Pickup.Point?.Latitude,
            PickupLongitude = quote.Pickup.Point?.Longitude,
            PickupAddress = quote.Pickup.Address,
            PickupCity = quote.Pickup.City,
            DestinationId = quote.Destination.Id,
            Destination = quote.Destination.Name,
            DestinationSpokenName = quote.Destination.SpokenName,
            DestinationLatitude = quote.Destination.Location.Latitude,
            DestinationLongitude = quote.Destination.Location.Longitude,
            DestinationCity = quote.Destination.City,
            FareAmount = quote.Price.Amount.ToString(CultureInfo.InvariantCulture),
            FareCurrency = quote.Price.Currency,
            PickupEta = quote.PickupEta.ToString("c", CultureInfo.InvariantCulture),
            QuotedAt = quote.QuotedAt,
            QuoteExpiresAt = quote.ExpiresAt,
            DriverName = dispatch.DriverName,
            Car = dispatch.Car,
            LicensePlate = dispatch.LicensePlate,
            DriverEta = dispatch.DriverEta.ToString("c", CultureInfo.InvariantCulture),
            ArrivesAt = booking.ArrivesAt,
            RideId = dispatch.RideId,
        }.WithProgress(booking.Progress);
    }

    /// <summary>This row's key and ETag with <paramref name="progress"/>'s columns, for a merge that touches nothing else.</summary>
    public BookingEntity WithProgress(RideProgress? progress)
    {
        if (progress is null)
        {
            return this;
        }

        var merged = (BookingEntity)MemberwiseClone();
        merged.RideStatus = JsonSerializer.Serialize(progress.Status).Trim('"');
        merged.RideSequence = progress.Sequence;
        merged.RideReportedAt = progress.At;
        merged.RidePickupEta = progress.PickupEta?.ToString("c", CultureInfo.InvariantCulture);
        merged.ReportedDriverName = progress.Driver?.DriverName;
        merged.ReportedCar = progress.Driver?.Car;
        merged.ReportedLicensePlate = progress.Driver?.LicensePlate;
        return merged;
    }

    public Booking ToBooking(PlaceCatalog places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var pickupPoint = PickupLatitude is { } latitude && PickupLongitude is { } longitude ? new GeoPoint(latitude, longitude) : null;
        var pickup = new Pickup(Enum.Parse<PickupSource>(PickupSource), pickupPoint, PickupAddress, PickupCity);
        var quote = new Quote(
            QuoteId,
            pickup,
            DestinationFrom(places),
            Price(),
            TimeSpan.ParseExact(PickupEta, "c", CultureInfo.InvariantCulture),
            QuotedAt,
            QuoteExpiresAt);
        var passenger = new Passenger(RiderId, PersonId, GivenName, MobileNumber);
        var dispatch = new Dispatch(DriverName, Car, LicensePlate, TimeSpan.ParseExact(DriverEta, "c", CultureInfo.InvariantCulture)) { RideId = RideId };
        return new Booking(IdempotencyKey, quote, passenger, dispatch, BookedAt) { Progress = Progress() };
    }

    /// <summary>Whether the last report ended the ride, read from its column alone (no booking is built).</summary>
    public bool HasEnded => ReportedStatus() is { } status && status.IsFinal();

    private Domain.Rides.RideStatus? ReportedStatus() =>
        RideStatus is null ? null : JsonSerializer.Deserialize<Domain.Rides.RideStatus>($"\"{RideStatus}\"");

    private RideProgress? Progress()
    {
        if (ReportedStatus() is not { } status || RideSequence is not { } sequence || RideReportedAt is not { } at)
        {
            return null;
        }

        var driver = ReportedDriverName is { } name
            ? new Dispatch(name, ReportedCar ?? string.Empty, ReportedLicensePlate ?? string.Empty, TimeSpan.Zero)
            : null;
        var eta = RidePickupEta is { } text ? TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture) : (TimeSpan?)null;
        return new RideProgress(status, driver is null ? null : driver with { DriverEta = eta ?? TimeSpan.Zero }, eta, sequence, at);
    }

    private Money Price() => FareAmount.Length > 0
        ? new Money(decimal.Parse(FareAmount, NumberStyles.Number, CultureInfo.InvariantCulture), FareCurrency)
        : new Money(decimal.Parse(FareUsd ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture), "USD");

    private Place DestinationFrom(PlaceCatalog places)
    {
        // The catalog's own instance when it still describes the same place, so a read-back booking equals the one
        // the session holds (and speaks its name in the rider's language); otherwise the place exactly as booked.
        // Aliases, short names and names in other languages are not part of a booking.
        var stored = new Place(DestinationId, Destination, DestinationSpokenName, new GeoPoint(DestinationLatitude, DestinationLongitude), DestinationCity, []);
        return places.TryGet(DestinationId, out var known)
            && known == stored with { Aliases = known.Aliases, ShortName = known.ShortName, NamesByLanguage = known.NamesByLanguage }
            ? known
            : stored;
    }
}
