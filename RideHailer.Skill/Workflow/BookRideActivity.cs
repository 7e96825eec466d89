using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Dispatches a driver and stores the booking under the command's idempotency key. Activities run at
/// least once; a second run finds the stored booking and returns it.
/// </summary>
public sealed class BookRideActivity(RideBooker booker)
{
    public const string Name = "BookRide";

    public Task<Booking> RunAsync(BookRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return booker.BookAsync(input.Command, input.Now, cancellationToken);
    }
}

public sealed record BookRideInput(BookRide Command, DateTimeOffset Now);
