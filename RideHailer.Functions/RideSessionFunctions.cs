using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Workflow;

namespace RideHailer.Functions;

/// <summary>Thin triggers over the session workflow in RideHailer.Skill; the DevHost registers the same code directly.</summary>
public sealed class RideSessionFunctions(
    FindPlaceActivity findPlace,
    FindActiveRideActivity findActiveRide,
    QuoteRideActivity quoteRide,
    BookRideActivity bookRide,
    RecordRideProgressActivity recordRideProgress,
    CheckRideStatusActivity checkRideStatus,
    FindLatestRideActivity findLatestRide,
    PriceCancellationActivity priceCancellation,
    CancelRideActivity cancelRide)
{
    [Function(SessionOrchestration.Name)]
    public static Task<SessionOutcome> RideSession([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SessionOrchestration.RunAsync(context, context.GetInput<SessionInput>()!, PlaceCatalog.Markets);
    }

    [Function(FindPlaceActivity.Name)]
    public Task<IReadOnlyList<Place>> FindPlace([ActivityTrigger] FindPlace command, FunctionContext context) =>
        findPlace.RunAsync(command, context?.CancellationToken ?? default);

    [Function(FindActiveRideActivity.Name)]
    public Task<Booking?> FindActiveRide([ActivityTrigger] FindActiveRideInput input, FunctionContext context) =>
        findActiveRide.RunAsync(input, context?.CancellationToken ?? default);

    [Function(QuoteRideActivity.Name)]
    public Task<Quote> QuoteRide([ActivityTrigger] QuoteRideInput input, FunctionContext context) =>
        quoteRide.RunAsync(input, context?.CancellationToken ?? default);

    [Function(BookRideActivity.Name)]
    public Task<Booking> BookRide([ActivityTrigger] BookRideInput input, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        bookRide.RunAsync(input, client, context?.CancellationToken ?? default);

    [Function(RideOrchestration.Name)]
    public static Task<RideProgress?> Ride([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RideOrchestration.RunAsync(context, context.GetInput<RideInput>()!);
    }

    [Function(RecordRideProgressActivity.Name)]
    public Task<bool> RecordRideProgress([ActivityTrigger] RecordRideProgressInput input, FunctionContext context) =>
        recordRideProgress.RunAsync(input, context?.CancellationToken ?? default);

    [Function(CheckRideStatusActivity.Name)]
    public Task<RideProgress?> CheckRideStatus([ActivityTrigger] CheckRideStatusInput input, FunctionContext context) =>
        checkRideStatus.RunAsync(input, context?.CancellationToken ?? default);

    [Function(FindLatestRideActivity.Name)]
    public Task<Booking?> FindLatestRide([ActivityTrigger] FindLatestRideInput input, FunctionContext context) =>
        findLatestRide.RunAsync(input, context?.CancellationToken ?? default);

    [Function(PriceCancellationActivity.Name)]
    public Task<Money?> PriceCancellation([ActivityTrigger] PriceCancellationInput input, FunctionContext context) =>
        priceCancellation.RunAsync(input, context?.CancellationToken ?? default);

    [Function(CancelRideActivity.Name)]
    public Task<RideCancellation> CancelRide([ActivityTrigger] CancelRideInput input, FunctionContext context) =>
        cancelRide.RunAsync(input, context?.CancellationToken ?? default);

    [Function(RaiseRideCanceledActivity.Name)]
    public static Task<bool> RaiseRideCanceled(
        [ActivityTrigger] RaiseRideCanceledInput input, [DurableClient] DurableTaskClient durable, FunctionContext context) =>
        RaiseRideCanceledActivity.RunAsync(input, durable, context?.CancellationToken ?? default);
}
