using RideHailer.Domain.Rides;

namespace RideHailer.DevHost.WebConsole;

/// <summary>A booking of the rider's, as the booking store holds it.</summary>
internal sealed record BookingView(
    string IdempotencyKey,
    string Destination,
    string Pickup,
    decimal Fare,
    string Currency,
    string Driver,
    string Car,
    string LicensePlate,
    string? Passenger,
    DateTimeOffset BookedAt,
    DateTimeOffset ArrivesAt)
{
    public static BookingView From(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var pickup = booking.Quote.Pickup;
        return new BookingView(
            booking.IdempotencyKey,
            booking.Quote.Destination.Name,
            pickup.Address is { } address ? $"{address}{(pickup.City is null ? "" : ", " + pickup.City)}" : "the device's location",
            booking.Quote.Price.Amount,
            booking.Quote.Price.Currency,
            booking.Dispatch.DriverName,
            booking.Dispatch.Car,
            booking.Dispatch.LicensePlate,
            booking.Passenger.GivenName,
            booking.BookedAt,
            booking.ArrivesAt);
    }
}
