using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// Registers the session orchestration, the ride orchestration and their activities with a Durable Task worker (the DevHost and
/// the tests). The Functions app registers the same code through its [Function] wrappers instead.
/// </summary>
public static class RideSessionTasks
{
    /// <param name="markets">The markets help names example places of: the built-in catalog's (<c>PlaceCatalog.Markets</c>).</param>
    public static DurableTaskRegistry AddRideSession(this DurableTaskRegistry registry, IReadOnlyList<PlaceMarket> markets)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(markets);
        registry.AddOrchestratorFunc<SessionInput, SessionOutcome>(
            SessionOrchestration.Name, (context, input) => SessionOrchestration.RunAsync(context, input, markets));
        registry.AddActivity(FindPlaceActivity.Name, services =>
            new DelegateActivity<FindPlace, IReadOnlyList<Place>>(services.GetRequiredService<FindPlaceActivity>().RunAsync));
        registry.AddActivity(FindActiveRideActivity.Name, services =>
            new DelegateActivity<FindActiveRideInput, Booking?>(services.GetRequiredService<FindActiveRideActivity>().RunAsync));
        registry.AddActivity(QuoteRideActivity.Name, services =>
            new DelegateActivity<QuoteRideInput, Quote>(services.GetRequiredService<QuoteRideActivity>().RunAsync));
        registry.AddActivity(BookRideActivity.Name, services =>
        {
            var (activity, durable) = (services.GetRequiredService<BookRideActivity>(), services.GetRequiredService<DurableTaskClient>());
            return new DelegateActivity<BookRideInput, Booking>((input, cancellationToken) => activity.RunAsync(input, durable, cancellationToken));
        });
        registry.AddOrchestratorFunc<RideInput, RideProgress?>(RideOrchestration.Name, RideOrchestration.RunAsync);
        registry.AddActivity(RecordRideProgressActivity.Name, services =>
            new DelegateActivity<RecordRideProgressInput, bool>(services.GetRequiredService<RecordRideProgressActivity>().RunAsync));
        registry.AddActivity(CheckRideStatusActivity.Name, services =>
            new DelegateActivity<CheckRideStatusInput, RideProgress?>(services.GetRequiredService<CheckRideStatusActivity>().RunAsync));
        registry.AddActivity(FindLatestRideActivity.Name, services =>
            new DelegateActivity<FindLatestRideInput, Booking?>(services.GetRequiredService<FindLatestRideActivity>().RunAsync));
        registry.AddActivity(PriceCancellationActivity.Name, services =>
            new DelegateActivity<PriceCancellationInput, Money?>(services.GetRequiredService<PriceCancellationActivity>().RunAsync));
        registry.AddActivity(CancelRideActivity.Name, services =>
            new DelegateActivity<CancelRideInput, RideCancellation>(services.GetRequiredService<CancelRideActivity>().RunAsync));
        registry.AddActivity(RaiseRideCanceledActivity.Name, services =>
        {
            var durable = services.GetRequiredService<DurableTaskClient>();
            return new DelegateActivity<RaiseRideCanceledInput, bool>((input, cancellationToken) =>
                RaiseRideCanceledActivity.RunAsync(input, durable, cancellationToken));
        });
        return registry;
    }

    private sealed class DelegateActivity<TInput, TOutput>(Func<TInput, CancellationToken, Task<TOutput>> run)
        : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(input, CancellationToken.None);
    }
}
