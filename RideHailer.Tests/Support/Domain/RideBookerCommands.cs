using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Tests.Support.Domain;

/// <summary>Books what a <see cref="BookRide"/> command names, as the BookRide activity does.</summary>
internal static class RideBookerCommands
{
    public static Task<BookedRide> BookAsync(this RideBooker booker, BookRide command, DateTimeOffset now, CancellationToken cancellationToken) =>
        booker.BookAsync(command.IdempotencyKey, command.Quote, command.Passenger, now, cancellationToken);
}
