using RideHailer.Domain.Rides;

namespace RideHailer.Tests.Storage;

/// <summary>The in-process store against the same contract as the Azure Tables store.</summary>
public sealed class InProcessBookingStoreContractTests : BookingStoreContract
{
    protected override IBookingStore Store { get; } = new InProcessBookingStore();
}
