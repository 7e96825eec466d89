using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;

namespace RideHailer.Tests.Storage;

public sealed class InProcessBookingStoreTests : BookingStoreContract
{
    protected override IBookingStore CreateStore() => new InProcessBookingStore();

    [Fact]
    public async Task Count_SameKeyManyTimesConcurrently_IsOne()
    {
        var store = new InProcessBookingStore();
        var key = NewKey();

        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => store.BookOnceAsync(Request(key, $"D{i}"), CancellationToken.None))));

        Assert.Equal(1, store.Count);
    }
}
