using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Storage;

/// <summary>
/// What every <see cref="IBookingStore"/> must do. Derive once per store; keys are unique per test so stores
/// shared across tests (a real table) do not interfere.
/// </summary>
public abstract class BookingStoreContract
{
    private static readonly DateTimeOffset Now = SessionDriver.Noon;

    /// <summary>The store under test.</summary>
    protected abstract IBookingStore CreateStore();

    protected static BookingRequest Request(string key, string driver = "Sam", int minutesLater = 0, string riderId = "rider-1")
    {
        var quote = new Quote(
            "q-" + key,
            Pickup.AtGeolocation(new GeoPoint(47.6062, -122.3321)),
            new Place("space-needle", "Space Needle", "the Space Needle", new(47.6205, -122.3493), "Seattle", ["needle"]),
            new Money(15m, "USD"),
            TimeSpan.FromMinutes(10),
            Now,
            Now.AddMinutes(5));
        return new BookingRequest(
            key,
            quote,
            new Passenger(riderId, null, "Alex", "+12065550123"),
            new Dispatch(driver, "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(8)) { RideId = "ride-" + key },
            Now.AddMinutes(minutesLater));
    }

    protected static string NewKey() => "bk-" + Guid.NewGuid().ToString("N");

    /// <summary>A rider no other test books for, so a shared table's other rows never match.</summary>
    protected static string NewRider() => "rider-" + Guid.NewGuid().ToString("N");

    protected static void AssertDescribes(BookingRequest expected, Booking? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.IdempotencyKey, actual.IdempotencyKey);
        Assert.Equal(expected.Quote.Id, actual.Quote.Id);
        Assert.Equal(expected.Quote.Price.Amount, actual.Quote.Price.Amount);
        Assert.Equal(expected.Quote.Destination.Id, actual.Quote.Destination.Id);
        Assert.Equal(expected.Passenger, actual.Passenger);
        Assert.Equal(expected.Dispatch, actual.Dispatch);
        Assert.Equal(expected.RequestedAt, actual.BookedAt);
    }

    private static RideProgress Progress(RideStatus status, long sequence, string driver = "Sam") => new(
        status,
        new Dispatch(driver, "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(3)),
        TimeSpan.FromMinutes(3),
        sequence,
        Now.AddMinutes(sequence));

    [Fact]
    public async Task FindLatest_SeveralRides_IsTheLastBookedWhateverItsState()
    {
        var store = CreateStore();
        var rider = NewRider();
        var earlier = Request(NewKey(), riderId: rider);
        var later = Request(NewKey(), "Priya", minutesLater: 30, riderId: rider);
        await store.BookOnceAsync(later, CancellationToken.None);
        await store.BookOnceAsync(earlier, CancellationToken.None);
        await store.RecordProgressAsync(later.IdempotencyKey, Progress(RideStatus.Completed, 5), CancellationToken.None);

        var latest = await store.FindLatestAsync(rider, CancellationToken.None);

        AssertDescribes(later, latest);
        Assert.Equal(RideStatus.Completed, latest!.Progress?.Status);
        Assert.Null(await store.FindLatestAsync(NewRider(), CancellationToken.None));
    }

    [Fact]
    public async Task RecordProgress_NewerReport_IsKeptAndOlderOrRepeatedOnesChangeNothing()
    {
        var store = CreateStore();
        var request = Request(NewKey());
        await store.BookOnceAsync(request, CancellationToken.None);
        var arriving = Progress(RideStatus.Arriving, 3, "Marco");

        Assert.True(await store.RecordProgressAsync(request.IdempotencyKey, Progress(RideStatus.Accepted, 1), CancellationToken.None));
        Assert.True(await store.RecordProgressAsync(request.IdempotencyKey, arriving, CancellationToken.None));
        Assert.False(await store.RecordProgressAsync(request.IdempotencyKey, arriving, CancellationToken.None));
        Assert.False(await store.RecordProgressAsync(request.IdempotencyKey, Progress(RideStatus.Accepted, 2), CancellationToken.None));

        var booking = await store.FindAsync(request.IdempotencyKey, CancellationToken.None);
        Assert.Equal(arriving, booking!.Progress);
        AssertDescribes(request, booking);
    }

    [Fact]
    public async Task RecordProgress_AfterAnEnd_ChangesNothing()
    {
        var store = CreateStore();
        var request = Request(NewKey());
        await store.BookOnceAsync(request, CancellationToken.None);
        var canceled = Progress(RideStatus.RiderCanceled, 2) with { Driver = null, PickupEta = null };

        Assert.True(await store.RecordProgressAsync(request.IdempotencyKey, canceled, CancellationToken.None));
        Assert.False(await store.RecordProgressAsync(request.IdempotencyKey, Progress(RideStatus.InProgress, 3), CancellationToken.None));

        Assert.Equal(canceled, (await store.FindAsync(request.IdempotencyKey, CancellationToken.None))!.Progress);
    }

    [Fact]
    public async Task FindByRideId_FindsTheBookingItsDispatchNames_AndNoneForAnUnknownRide()
    {
        var store = CreateStore();
        var request = Request(NewKey(), riderId: NewRider());
        await store.BookOnceAsync(request, CancellationToken.None);
        await store.BookOnceAsync(Request(NewKey(), riderId: NewRider()), CancellationToken.None);

        AssertDescribes(request, await store.FindByRideIdAsync(request.Dispatch.RideId!, CancellationToken.None));
        Assert.Null(await store.FindByRideIdAsync("ride-" + NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task RideEventReceipts_AreAddedOnce_PerRideAndEventId()
    {
        var receipts = (RideHailer.Skill.Storage.IRideEventReceipts)CreateStore();
        var (ride, other) = ("ride-" + NewKey(), "ride-" + NewKey());

        Assert.False(await receipts.HasAsync(ride, "ev-1", CancellationToken.None));
        Assert.True(await receipts.AddAsync(ride, "ev-1", NewRider(), CancellationToken.None));
        Assert.False(await receipts.AddAsync(ride, "ev-1", NewRider(), CancellationToken.None));
        Assert.True(await receipts.HasAsync(ride, "ev-1", CancellationToken.None));
        Assert.False(await receipts.HasAsync(other, "ev-1", CancellationToken.None));
        Assert.False(await receipts.HasAsync(ride, "ev-2", CancellationToken.None));
    }

    [Fact]
    public async Task ForgettingTheRider_ForgetsItsRideIdsAndEventReceipts()
    {
        var store = CreateStore();
        var rider = NewRider();
        var request = Request(NewKey(), riderId: rider);
        await store.BookOnceAsync(request, CancellationToken.None);
        var rideId = request.Dispatch.RideId!;
        var receipts = (RideHailer.Skill.Storage.IRideEventReceipts)store;
        await receipts.AddAsync(rideId, "ev-1", rider, CancellationToken.None);

        await ((RideHailer.Skill.Storage.IUserLinks)store).ForgetAsync(new RideHailer.Skill.Storage.LinkedRecords("user-" + NewKey(), [rider], []), CancellationToken.None);

        Assert.Null(await store.FindByRideIdAsync(rideId, CancellationToken.None));
        Assert.False(await receipts.HasAsync(rideId, "ev-1", CancellationToken.None));
    }

    [Fact]
    public async Task Tombstone_RefusesLinksAndScopeRecords_UntilSweptAfterItExpires()
    {
        var store = CreateStore();
        var (links, scopes) = ((RideHailer.Skill.Storage.IUserLinks)store, (RideHailer.Skill.Storage.IUserScopes)store);
        var (user, other) = ("user-" + NewKey(), "user-" + NewKey());
        Assert.True(await links.LinkAsync(new(user, "ride-session-1", "rider-a"), CancellationToken.None));
        Assert.False(await links.IsForgottenAsync(user, CancellationToken.None));

        await links.MarkForgottenAsync(user, Now.AddHours(1), CancellationToken.None);

        Assert.True(await links.IsForgottenAsync(user, CancellationToken.None));
        Assert.False(await links.LinkAsync(new(user, "ride-session-2", "rider-b"), CancellationToken.None));
        Assert.False(await scopes.RecordGrantedScopesAsync(user, ["alexa::profile:given_name:read"], "person-1", [], CancellationToken.None));
        var kept = await links.FindLinksAsync(user, CancellationToken.None);
        Assert.Equal(["ride-session-1"], kept.Sessions);
        Assert.Equal(["rider-a"], kept.Riders);
        Assert.Equal(RideHailer.Skill.Storage.ReportedGrants.None, await scopes.FindGrantedScopesAsync(user, "person-1", CancellationToken.None));
        Assert.True(await links.LinkAsync(new(other, "ride-session-3", null), CancellationToken.None));

        await links.ForgetAsync(kept, CancellationToken.None);
        Assert.True((await links.FindLinksAsync(user, CancellationToken.None)).IsEmpty);
        Assert.True(await links.IsForgottenAsync(user, CancellationToken.None));

        await links.SweepForgottenAsync(Now.AddMinutes(59), CancellationToken.None);
        Assert.True(await links.IsForgottenAsync(user, CancellationToken.None));
        Assert.True(await links.SweepForgottenAsync(Now.AddHours(1), CancellationToken.None) >= 1);
        Assert.False(await links.IsForgottenAsync(user, CancellationToken.None));
        Assert.True(await links.LinkAsync(new(user, "ride-session-4", null), CancellationToken.None));
    }

    [Fact]
    public async Task FindLinks_NamesTheBookingsOfTheLinkedRiders()
    {
        var store = CreateStore();
        var links = (RideHailer.Skill.Storage.IUserLinks)store;
        var (user, rider, key) = ("user-" + NewKey(), NewRider(), NewKey());
        await store.BookOnceAsync(Request(key, riderId: rider), CancellationToken.None);
        await store.BookOnceAsync(Request(NewKey(), riderId: NewRider()), CancellationToken.None);
        await links.LinkAsync(new(user, "ride-session-1", rider), CancellationToken.None);

        var records = await links.FindLinksAsync(user, CancellationToken.None);

        Assert.Equal([key], records.BookingKeys);
    }

    [Fact]
    public async Task PersonScopes_AreEachPersonsOwn_AndTheAccountsAreApart()
    {
        var store = CreateStore();
        var scopes = (RideHailer.Skill.Storage.IUserScopes)store;
        var user = "user-" + NewKey();
        const string Name = "alexa::profile:given_name:read", Mobile = "alexa::profile:mobile_number:read", Location = "alexa::devices:all:geolocation:read";

        Assert.True(await scopes.RecordGrantedScopesAsync(user, [Location], "person-jane", [Name, Mobile], CancellationToken.None));

        Assert.Equal(Expect([Location], [Name, Mobile]), Comparable(await scopes.FindGrantedScopesAsync(user, "person-jane", CancellationToken.None)));
        Assert.Equal(Expect([Location], null), Comparable(await scopes.FindGrantedScopesAsync(user, "person-john", CancellationToken.None)));
        Assert.Equal(Expect([Location], null), Comparable(await scopes.FindGrantedScopesAsync(user, null, CancellationToken.None)));

        // An event from the Alexa app names no person: the account's record changes, Jane's own stays.
        await scopes.RecordGrantedScopesAsync(user, [Location, Name], null, null, CancellationToken.None);
        Assert.Equal(Expect([Location, Name], [Name, Mobile]), Comparable(await scopes.FindGrantedScopesAsync(user, "person-jane", CancellationToken.None)));

        // John revokes everything of his own: his record is empty, Jane's untouched.
        await scopes.RecordGrantedScopesAsync(user, [Location], "person-john", [], CancellationToken.None);
        Assert.Equal(Expect([Location], []), Comparable(await scopes.FindGrantedScopesAsync(user, "person-john", CancellationToken.None)));
        Assert.Equal(Expect([Location], [Name, Mobile]), Comparable(await scopes.FindGrantedScopesAsync(user, "person-jane", CancellationToken.None)));

        // Named without a list of her own: nothing recorded for her, so the API decides.
        await scopes.RecordGrantedScopesAsync(user, [Location], "person-jane", null, CancellationToken.None);
        Assert.Equal(Expect([Location], null), Comparable(await scopes.FindGrantedScopesAsync(user, "person-jane", CancellationToken.None)));

        // A consent John accepts by voice drops the account's record and his own.
        await scopes.ClearGrantedScopesAsync(user, "person-john", CancellationToken.None);
        Assert.Equal(Expect(null, null), Comparable(await scopes.FindGrantedScopesAsync(user, "person-john", CancellationToken.None)));
    }

    private static (string? Account, string? Person) Expect(string[]? account, string[]? person) =>
        Comparable(new RideHailer.Skill.Storage.ReportedGrants(account, person));

    private static (string? Account, string? Person) Comparable(RideHailer.Skill.Storage.ReportedGrants grants) =>
        (grants.Account is null ? null : string.Join(' ', grants.Account.Order()), grants.Person is null ? null : string.Join(' ', grants.Person.Order()));

    [Fact]
    public async Task RecordProgress_UnknownKey_ChangesNothing()
    {
        var store = CreateStore();

        Assert.False(await store.RecordProgressAsync(NewKey(), Progress(RideStatus.Accepted, 1), CancellationToken.None));
    }

    [Fact]
    public async Task BookOnce_NewKey_StoresAndReturnsTheBooking()
    {
        var store = CreateStore();
        var request = Request(NewKey());

        var booking = await store.BookOnceAsync(request, CancellationToken.None);

        AssertDescribes(request, booking);
        AssertDescribes(request, await store.FindAsync(request.IdempotencyKey, CancellationToken.None));
    }

    [Fact]
    public async Task BookOnce_SameKeyTwice_ReturnsTheFirstBookingAndStoresNoSecond()
    {
        var store = CreateStore();
        var key = NewKey();
        var first = Request(key, "Sam");
        var second = Request(key, "Priya", minutesLater: 1);

        await store.BookOnceAsync(first, CancellationToken.None);
        var replay = await store.BookOnceAsync(second, CancellationToken.None);

        AssertDescribes(first, replay);
        AssertDescribes(first, await store.FindAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task BookOnce_SameKeyConcurrently_EveryCallerGetsTheOneStoredBooking()
    {
        var store = CreateStore();
        var key = NewKey();
        var requests = Enumerable.Range(0, 16).Select(i => Request(key, $"Driver{i}", i)).ToList();

        var bookings = await Task.WhenAll(requests.Select(r => Task.Run(() => store.BookOnceAsync(r, CancellationToken.None))));

        var stored = await store.FindAsync(key, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.All(bookings, b => Assert.Equal(stored.Dispatch, b.Dispatch));
        AssertDescribes(requests.Single(r => r.Dispatch == stored.Dispatch), stored);
    }

    [Fact]
    public async Task BookOnce_DifferentKeys_StoresTwoBookings()
    {
        var store = CreateStore();
        var one = Request(NewKey(), "Sam");
        var two = Request(NewKey(), "Priya");

        await store.BookOnceAsync(one, CancellationToken.None);
        await store.BookOnceAsync(two, CancellationToken.None);

        AssertDescribes(one, await store.FindAsync(one.IdempotencyKey, CancellationToken.None));
        AssertDescribes(two, await store.FindAsync(two.IdempotencyKey, CancellationToken.None));
    }

    [Fact]
    public async Task Find_UnknownKey_ReturnsNull()
    {
        Assert.Null(await CreateStore().FindAsync(NewKey(), CancellationToken.None));
    }

    [Fact]
    public async Task FindActive_RideStillOnItsWay_ReturnsIt()
    {
        var store = CreateStore();
        var rider = NewRider();
        var request = Request(NewKey(), riderId: rider);
        await store.BookOnceAsync(request, CancellationToken.None);

        // Booked at noon with an eight-minute driver.
        AssertDescribes(request, await store.FindActiveAsync(rider, Now.AddMinutes(7), CancellationToken.None));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(60)]
    public async Task FindActive_DriverDueByNow_ReturnsNull(int minutesAfterBooking)
    {
        var store = CreateStore();
        var rider = NewRider();
        await store.BookOnceAsync(Request(NewKey(), riderId: rider), CancellationToken.None);

        Assert.Null(await store.FindActiveAsync(rider, Now.AddMinutes(minutesAfterBooking), CancellationToken.None));
    }

    [Fact]
    public async Task FindActive_SeveralOnTheirWay_ReturnsTheMostRecentlyBooked()
    {
        var store = CreateStore();
        var rider = NewRider();
        var requests = new[] { Request(NewKey(), "Sam", 1, rider), Request(NewKey(), "Priya", 3, rider), Request(NewKey(), "Lee", 2, rider) };
        foreach (var request in requests)
        {
            await store.BookOnceAsync(request, CancellationToken.None);
        }

        AssertDescribes(requests[1], await store.FindActiveAsync(rider, Now.AddMinutes(4), CancellationToken.None));
    }

    [Fact]
    public async Task FindActive_ArrivedRideBookedLater_DoesNotHideOneStillOnItsWay()
    {
        var store = CreateStore();
        var rider = NewRider();
        var slow = Request(NewKey(), "Sam", 0, rider) with { Dispatch = new("Sam", "a silver Toyota Prius", "BXK 4821", TimeSpan.FromMinutes(30)) };
        await store.BookOnceAsync(slow, CancellationToken.None);
        await store.BookOnceAsync(Request(NewKey(), "Priya", 1, rider), CancellationToken.None);

        // Priya's ride (booked at 12:01, eight minutes) has arrived by 12:10; Sam's (booked at 12:00, thirty) has not.
        AssertDescribes(slow, await store.FindActiveAsync(rider, Now.AddMinutes(10), CancellationToken.None));
    }

    [Fact]
    public async Task FindActive_OnlyAnotherRidersRideOnItsWay_ReturnsNull()
    {
        var store = CreateStore();
        await store.BookOnceAsync(Request(NewKey(), riderId: NewRider()), CancellationToken.None);

        Assert.Null(await store.FindActiveAsync(NewRider(), Now.AddMinutes(1), CancellationToken.None));
    }
}
