using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Rides;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Rides;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// One durable orchestration per booked ride, on the real engine: the built-in fleet's ride moves on durable timers
/// (seconds-long ETAs and trips here, waited for on the bookings table), a provider's ride on its reports, and either
/// ends on the rider's cancellation. Every change the store records is captured, so "changed once" is counted.
/// </summary>
public abstract class RideLifecycleTests(BackendUnderTest backend)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<RideProgress> _recorded = new();

    [Fact]
    public async Task BuiltInFleetRide_GoesAcceptedArrivingInProgressCompleted_InTheBookingsTable()
    {
        await using var skill = await StartAsync();
        var booking = await BookAsync(skill, "bk-fleet", eta: TimeSpan.FromSeconds(3), trip: TimeSpan.FromSeconds(2));

        await StartRideAsync(skill, booking);
        await WaitForStatusAsync(skill, booking, RideStatus.Completed);

        Assert.Equal(
            [RideStatus.Accepted, RideStatus.Arriving, RideStatus.InProgress, RideStatus.Completed],
            _recorded.Select(progress => progress.Status));
        Assert.Equal([1L, 2L, 3L, 4L], _recorded.Select(progress => progress.Sequence));
        Assert.True(_recorded.Last().At >= booking.BookedAt + TimeSpan.FromSeconds(5));
        Assert.Equal("Sam", (await StoredAsync(skill, booking)).Progress?.Driver?.DriverName);
        // The states so far are the orchestration's custom status (the web console's ride timeline).
        var history = await HistoryAsync(skill, booking);
        Assert.Equal(
            [(RideStatus.Accepted, 1L), (RideStatus.Arriving, 2L), (RideStatus.InProgress, 3L), (RideStatus.Completed, 4L)],
            history.States.Select(state => (state.Status, state.Sequence)));
        Assert.Equal(_recorded.Select(progress => progress.At), history.States.Select(state => state.Since));
    }

    [Fact]
    public async Task RideHistory_KeepsEveryStateAcrossAContinueAsNew()
    {
        await using var skill = await StartAsync(providerReports: true);
        var booking = await BookAsync(skill, "bk-history", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);
        // More reports than one generation takes: the orchestration continues as new on the way, carrying the history.
        var reports = RideOrchestration.ReportsPerGeneration + 2;

        for (var sequence = 1; sequence <= reports + 1; sequence++)
        {
            var status = sequence > reports ? RideStatus.Completed : sequence % 2 == 1 ? RideStatus.Accepted : RideStatus.Arriving;
            await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, status, sequence));
            // One at a time, as a provider's reports come: each applied before the next is sent.
            await Signal.UntilAsync(
                async () => (await StoredAsync(skill, booking)).Progress?.Sequence == sequence, $"report {sequence} is recorded", Patience);
            if (sequence == RideOrchestration.ReportsPerGeneration)
            {
                // The next generation has started with the history: an event raised while the engine continues an
                // orchestration as new can be lost (microsoft/durabletask-dotnet#387), which is not what this test is about.
                await Signal.UntilAsync(
                    async () => (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true))?.ReadInputAs<RideInput>()?.History?.States.Count == sequence,
                    "the ride continued as new, its history in its input",
                    Patience);
            }
        }

        var history = await HistoryAsync(skill, booking);
        Assert.Equal(Enumerable.Range(1, reports + 1).Select(sequence => (long)sequence), history.States.Select(state => state.Sequence));
        Assert.Equal(RideStatus.Completed, history.States[^1].Status);
    }

    [Fact]
    public async Task BookingThroughTheSkill_StartsItsRide_AndARetriedBookingStartsNoSecond()
    {
        await using var skill = await StartAsync();
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");
        await alexa.YesAsync();
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        var booking = Assert.Single(await skill.BookingsAsync());
        await WaitForStatusAsync(skill, booking, RideStatus.Accepted);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);
        var first = await client.GetInstanceAsync(instanceId);

        // The booking activity run again for the same command (a retry, a replay): the same booking, the same ride.
        var activity = skill.Services.GetRequiredService<BookRideActivity>();
        var again = await activity.RunAsync(new BookRideInput(new BookRide(booking.IdempotencyKey, booking.Quote, booking.Passenger), DateTimeOffset.UtcNow), client, CancellationToken.None);

        Assert.Equal(booking.IdempotencyKey, again.IdempotencyKey);
        var after = await client.GetInstanceAsync(instanceId);
        Assert.NotNull(first);
        Assert.Equal(first.CreatedAt, after?.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Running, after?.RuntimeStatus);
        Assert.Single(_recorded, progress => progress.Status == RideStatus.Accepted);
        Assert.Single(await skill.BookingsAsync());
    }

    [Fact]
    public async Task ProviderReports_OutOfOrderAndRepeated_ChangeNothingTwice()
    {
        await using var skill = await StartAsync(providerReports: true);
        var booking = await BookAsync(skill, "bk-provider", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        foreach (var (status, sequence) in new[]
        {
            (RideStatus.Accepted, 1L), (RideStatus.InProgress, 3L), (RideStatus.Arriving, 2L), (RideStatus.InProgress, 3L), (RideStatus.Completed, 4L),
            (RideStatus.InProgress, 5L),
        })
        {
            await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, status, sequence));
        }

        await WaitForStatusAsync(skill, booking, RideStatus.Completed);

        Assert.Equal([(RideStatus.Accepted, 1L), (RideStatus.InProgress, 3L), (RideStatus.Completed, 4L)], _recorded.Select(p => (p.Status, p.Sequence)));
        Assert.Equal(RideStatus.Completed, (await StoredAsync(skill, booking)).Progress?.Status);
    }

    [Fact]
    public async Task RidersCancellation_EndsABuiltInFleetRideAtOnce_AndNothingAfterChangesIt()
    {
        await using var skill = await StartAsync();
        var booking = await BookAsync(skill, "bk-cancel", eta: TimeSpan.FromMinutes(8), trip: TimeSpan.FromMinutes(10));
        await StartRideAsync(skill, booking);
        await WaitForStatusAsync(skill, booking, RideStatus.Accepted);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        await client.RaiseEventAsync(instanceId, RideEventNames.Canceled, new RideCancellation(RideStatus.RiderCanceled, null));
        await WaitForStatusAsync(skill, booking, RideStatus.RiderCanceled);
        await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, RideStatus.InProgress, 9));

        Assert.Equal([RideStatus.Accepted, RideStatus.RiderCanceled], _recorded.Select(progress => progress.Status));
        var stored = (await StoredAsync(skill, booking)).Progress;
        Assert.Equal((RideStatus.RiderCanceled, long.MaxValue, "Sam"), (stored?.Status, stored?.Sequence, stored?.Driver?.DriverName));
    }

    [Fact]
    public async Task EndedRide_IsPurgedAfterRideRetention_AndItsStatusStaysInTheBookingsTable()
    {
        await using var skill = await StartAsync(providerReports: true, new()
        {
            ["Ride:Retention"] = "00:00:03",
            ["Session:Retention"] = "00:00:01",
        });
        var booking = await BookAsync(skill, "bk-purge", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        // The ride ends no sooner than the event is raised: the purge must come Ride:Retention after that at the earliest
        // (taken before the raise, so a slow poll of the table below cannot make a timely purge look early).
        var ended = DateTimeOffset.UtcNow;
        await client.RaiseEventAsync(instanceId, RideEventNames.Canceled, new RideCancellation(RideStatus.RiderCanceled, null));
        await WaitForStatusAsync(skill, booking, RideStatus.RiderCanceled);
        // Ended, and kept for the retention: the purge runs every second here and must leave it be.
        Assert.NotNull(await client.GetInstanceAsync(instanceId));
        await Signal.UntilAsync(async () => await client.GetInstanceAsync(instanceId) is null, "the ended ride is purged", Patience);

        Assert.True(DateTimeOffset.UtcNow - ended >= TimeSpan.FromSeconds(2.5), "purged before Ride:Retention");
        Assert.Equal(RideStatus.RiderCanceled, (await StoredAsync(skill, booking)).Progress?.Status);

        // A booking retried after the purge finds the ride ended in the table and starts nothing.
        await StartRideAsync(skill, await StoredAsync(skill, booking));
        Assert.Null(await client.GetInstanceAsync(instanceId));
    }

    [Fact]
    public async Task ProviderEvents_ThroughTheSink_AreAcceptedOnce_RepeatedOnesChangeNothing_UnknownRidesAreSaidSo()
    {
        await using var skill = await StartAsync(providerReports: true);
        var booking = await BookAsync(skill, "bk-sink", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var sink = skill.Services.GetRequiredService<IRideEventSink>();
        var rideId = booking.Dispatch.RideId!;

        Task<RideEventReceipt> PostAsync(string eventId, RideStatus status, long sequence, string? ride = null) =>
            sink.ReceiveAsync(new ProviderRideEvent(eventId, ride ?? rideId, Report(booking, status, sequence)), skill.Services.GetRequiredService<DurableTaskClient>(), CancellationToken.None);

        Assert.Equal(RideEventReceipt.Accepted, await PostAsync("ev-1", RideStatus.Accepted, 1));
        Assert.Equal(RideEventReceipt.Repeated, await PostAsync("ev-1", RideStatus.Accepted, 1));
        Assert.Equal(RideEventReceipt.UnknownRide, await PostAsync("ev-2", RideStatus.Arriving, 2, ride: "ride-nobody"));
        Assert.Equal(RideEventReceipt.Accepted, await PostAsync("ev-3", RideStatus.Arriving, 2));
        // The same event id with another body is still the event seen before.
        Assert.Equal(RideEventReceipt.Repeated, await PostAsync("ev-3", RideStatus.Completed, 9));
        Assert.Equal(RideEventReceipt.Accepted, await PostAsync("ev-4", RideStatus.DriverCanceled, 3));
        await WaitForStatusAsync(skill, booking, RideStatus.DriverCanceled);

        Assert.Equal([RideStatus.Accepted, RideStatus.Arriving, RideStatus.DriverCanceled], _recorded.Select(progress => progress.Status));
    }

    /// <summary>
    /// A provider that reports a ride's status only when asked, as a webhook that was lost would leave it: the ride's
    /// orchestration asks after a second of silence, and its answers change the ride as events do, once each.
    /// </summary>
    [Fact]
    public async Task SilentProvider_IsAskedForTheRidesStatus_AndItsAnswersAreRecordedAsEventsAre()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard));
        provider.Status = (rideId, now) => new RideProgress(RideStatus.Arriving, null, TimeSpan.FromMinutes(1), 2, now);
        await using var skill = await StartAsync(providerReports: true, new()
        {
            ["Ride:StatusCheckInterval"] = "00:00:01",
            ["Ride:MaxLifetime"] = "00:10:00",
        }, provider);
        var booking = await BookAsync(skill, "bk-quiet", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, RideStatus.Accepted, 1));
        await WaitForStatusAsync(skill, booking, RideStatus.Arriving);
        await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, RideStatus.InProgress, 3));
        await WaitForStatusAsync(skill, booking, RideStatus.InProgress);
        // The provider's answer is now older than the event recorded: asked twice more, it changes nothing.
        var asked = provider.StatusCalls;
        await Signal.UntilAsync(() => Task.FromResult(provider.StatusCalls >= asked + 2), "the provider was asked twice more", Patience);
        var afterStaleAnswers = (await StoredAsync(skill, booking)).Progress?.Status;
        provider.Status = (rideId, now) => new RideProgress(RideStatus.Completed, null, null, 4, now);
        await WaitForStatusAsync(skill, booking, RideStatus.Completed);

        Assert.Equal(RideStatus.InProgress, afterStaleAnswers);
        Assert.Equal([(RideStatus.Accepted, 1L), (RideStatus.Arriving, 2L), (RideStatus.InProgress, 3L), (RideStatus.Completed, 4L)], _recorded.Select(p => (p.Status, p.Sequence)));
        Assert.All(provider.StatusRideIds, rideId => Assert.Equal(booking.Dispatch.RideId, rideId));
    }

    /// <summary>
    /// A provider's reports in a burst, across more than two generations: the engine can lose reports raised while the
    /// orchestration continues as new (microsoft/durabletask-dotnet#387), so each new generation first asks the provider,
    /// whose answer holds every report, and the ride still ends. The silence check is out of reach, so only that helps.
    /// </summary>
    [Fact]
    public async Task ReportsInABurst_AcrossGenerations_StillEndTheRide()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard));
        var reports = (2 * RideOrchestration.ReportsPerGeneration) + 5;
        provider.Status = (rideId, now) => new RideProgress(RideStatus.Completed, null, null, reports, now);
        await using var skill = await StartAsync(providerReports: true, new()
        {
            ["Ride:StatusCheckInterval"] = "01:00:00",
            ["Ride:MaxLifetime"] = "1.00:00:00",
        }, provider);
        var booking = await BookAsync(skill, "bk-burst", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        for (var sequence = 1; sequence <= reports; sequence++)
        {
            var status = sequence == reports ? RideStatus.Completed : sequence % 2 == 1 ? RideStatus.Accepted : RideStatus.Arriving;
            await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, status, sequence));
        }

        await WaitForStatusAsync(skill, booking, RideStatus.Completed);
        Assert.Equal(reports, (await StoredAsync(skill, booking)).Progress?.Sequence);
        Assert.Equal(RideStatus.Completed, _recorded.Last().Status);
    }

    /// <summary>
    /// Checks count towards a generation's share like reports, so a quiet ride continues as new while its wait for a
    /// report is pending: the report that then arrives is applied, not lost with the generation before.
    /// </summary>
    [Fact]
    public async Task ReportAfterAGenerationOfStatusChecks_IsStillApplied()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard)) { Unreachable = true };
        await using var skill = await StartAsync(providerReports: true, new()
        {
            ["Ride:StatusCheckInterval"] = "00:00:00.100",
            ["Ride:MaxLifetime"] = "00:10:00",
        }, provider);
        var booking = await BookAsync(skill, "bk-generations", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        await Signal.UntilAsync(
            () => Task.FromResult(provider.StatusCalls > RideOrchestration.ReportsPerGeneration + 2), "more checks than a generation holds", Patience);
        await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, RideStatus.Completed, 7));
        await WaitForStatusAsync(skill, booking, RideStatus.Completed);

        Assert.Equal([(RideStatus.Completed, 7L)], _recorded.Select(p => (p.Status, p.Sequence)));
    }

    /// <summary>
    /// A provider that never reports an end (nor answers the status checks): after Ride:MaxLifetime the orchestration lets
    /// the ride go, the booking keeps its last known status, and the ride's durable state is purged after Ride:Retention.
    /// </summary>
    [Fact]
    public async Task RideThatNeverEnds_IsLetGoAfterItsMaxLifetime_KeepsItsLastKnownStatus_AndIsPurged()
    {
        var provider = new ScriptedRideProvider(new LocalFleet(FleetTariff.Standard)) { Unreachable = true };
        await using var skill = await StartAsync(providerReports: true, new()
        {
            ["Ride:StatusCheckInterval"] = "00:00:01",
            ["Ride:MaxLifetime"] = "00:00:04",
            ["Ride:Retention"] = "00:00:01",
            ["Session:Retention"] = "00:00:01",
        }, provider);
        var booking = await BookAsync(skill, "bk-forever", eta: TimeSpan.FromMinutes(5), trip: TimeSpan.FromMinutes(5));
        await StartRideAsync(skill, booking);
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);

        await client.RaiseEventAsync(instanceId, RideEventNames.Progress, Report(booking, RideStatus.Accepted, 1));
        await WaitForStatusAsync(skill, booking, RideStatus.Accepted);
        await Signal.UntilAsync(async () => await client.GetInstanceAsync(instanceId) is null, "the ride let go is purged", Patience);

        Assert.Equal(RideStatus.Accepted, (await StoredAsync(skill, booking)).Progress?.Status);
        Assert.Equal([RideStatus.Accepted], _recorded.Select(progress => progress.Status));
        Assert.True(provider.StatusCalls >= 1, "the provider was never asked");
    }

    private async Task<SkillHarness> StartAsync(bool providerReports = false, Dictionary<string, string?>? settings = null, IRideProvider? rideProvider = null) =>
        await SkillHarness.StartAsync(backend, settings, services =>
        {
            services.AddSingleton(provider => new RecordRideProgressActivity(new RecordingStore(provider.GetRequiredService<IBookingStore>(), _recorded)));
            if (providerReports)
            {
                services.AddSingleton(new RideReporting(OnFleetTimers: false));
            }

            if (rideProvider is not null)
            {
                services.AddSingleton(rideProvider);
            }
        });

    private static async Task<Booking> BookAsync(SkillHarness skill, string key, TimeSpan eta, TimeSpan trip)
    {
        var now = DateTimeOffset.UtcNow;
        var quote = Quotes.SpaceNeedle(now, "q-" + key) with { TripTime = trip };
        var dispatch = new Dispatch("Sam", "a silver Toyota Prius", "BXK 4821", eta) { RideId = "ride-" + key };
        var request = new BookingRequest(key, quote, new Passenger(Riders.RiderId, null, "Jane", "+12065550142"), dispatch, now);
        return await skill.Services.GetRequiredService<IBookingStore>().BookOnceAsync(request, CancellationToken.None);
    }

    /// <summary>
    /// Starts the ride and returns once the engine runs it: DurableTask.AzureStorage can hold a start back for seconds (a start
    /// message read before its Instances row is retried 2 s later) and discards an event raised on an instance it has not
    /// started, so a test that raises one at once would lose it now and then.
    /// </summary>
    private static async Task StartRideAsync(SkillHarness skill, Booking booking)
    {
        var client = skill.Services.GetRequiredService<DurableTaskClient>();
        await skill.Services.GetRequiredService<RideStart>().EnsureStartedAsync(booking, client, CancellationToken.None);
        var instanceId = RideInstanceId.For(booking.IdempotencyKey);
        await Signal.UntilAsync(
            async () => await client.GetInstanceAsync(instanceId) is not { RuntimeStatus: OrchestrationRuntimeStatus.Pending },
            "the ride's orchestration runs", Patience);
    }

    private static RideProgress Report(Booking booking, RideStatus status, long sequence) =>
        new(status, booking.Dispatch, TimeSpan.FromMinutes(2), sequence, DateTimeOffset.UtcNow);

    private static async Task<Booking> StoredAsync(SkillHarness skill, Booking booking) =>
        await skill.Services.GetRequiredService<IBookingStore>().FindAsync(booking.IdempotencyKey, CancellationToken.None)
        ?? throw new InvalidOperationException("The booking is gone.");

    private static async Task<RideHistory> HistoryAsync(SkillHarness skill, Booking booking)
    {
        var instance = await skill.Services.GetRequiredService<DurableTaskClient>()
            .GetInstanceAsync(RideInstanceId.For(booking.IdempotencyKey), getInputsAndOutputs: true);
        return instance?.ReadCustomStatusAs<RideHistory>() ?? throw new InvalidOperationException("The ride has no custom status.");
    }

    private static Task WaitForStatusAsync(SkillHarness skill, Booking booking, RideStatus status) =>
        Signal.UntilAsync(async () => (await StoredAsync(skill, booking)).Progress?.Status == status, $"the ride is {status}", Patience);

    /// <summary>The bookings store as the ride's activity sees it, keeping each report that changed the ride.</summary>
    private sealed class RecordingStore(IBookingStore inner, ConcurrentQueue<RideProgress> recorded) : IBookingStore
    {
        public Task<Booking> BookOnceAsync(BookingRequest request, CancellationToken cancellationToken) => inner.BookOnceAsync(request, cancellationToken);

        public Task<Booking?> FindAsync(string idempotencyKey, CancellationToken cancellationToken) => inner.FindAsync(idempotencyKey, cancellationToken);

        public Task<Booking?> FindActiveAsync(string riderId, DateTimeOffset now, CancellationToken cancellationToken) =>
            inner.FindActiveAsync(riderId, now, cancellationToken);

        public Task<Booking?> FindLatestAsync(string riderId, CancellationToken cancellationToken) => inner.FindLatestAsync(riderId, cancellationToken);

        public Task<Booking?> FindByRideIdAsync(string rideId, CancellationToken cancellationToken) => inner.FindByRideIdAsync(rideId, cancellationToken);

        public async Task<bool> RecordProgressAsync(string idempotencyKey, RideProgress progress, CancellationToken cancellationToken)
        {
            var changed = await inner.RecordProgressAsync(idempotencyKey, progress, cancellationToken);
            if (changed)
            {
                recorded.Enqueue(progress);
            }

            return changed;
        }
    }
}

public sealed class RideLifecycleInMemory() : RideLifecycleTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class RideLifecycleOnAzureStorage(AzuriteFixture azurite) : RideLifecycleTests(BackendUnderTest.AzureStorage(azurite));
