namespace RideHailer.Domain.Rides;

/// <summary>What a <see cref="RideStatus"/> means for the ride's lifetime.</summary>
public static class RideStatusExtensions
{
    /// <summary>Whether the ride has ended: nothing changes it any more.</summary>
    public static bool IsFinal(this RideStatus status) => status is RideStatus.Completed
        or RideStatus.RiderCanceled
        or RideStatus.DriverCanceled
        or RideStatus.NoDriversAvailable;
}
