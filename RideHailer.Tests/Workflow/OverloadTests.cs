using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// More turns than the host lets in at once (<c>Session:MaxConcurrentTurns</c>): the rest wait their turn (up to
/// <c>Session:MaxWaitingTurns</c>), and one that cannot get in with half its budget left, or finds no place to wait,
/// is shed without reaching its session. A shed first
/// turn ends the session it would have opened (nothing was started); a shed later turn leaves it where it was.
/// </summary>
public sealed class OverloadTests
{
    [Fact]
    public async Task TurnsPastTheLimit_AreShed_WithoutReachingTheirSessions_AndASessionCarriesOnAfterwards()
    {
        await using var skill = await SkillHarness.StartAsync(
            BackendUnderTest.InMemory,
            new() { ["Session:ReplyTimeout"] = "00:00:04", ["Session:MaxConcurrentTurns"] = "1", ["Session:MaxWaitingTurns"] = "1" },
            services => services.AddSingleton<IRideProvider>(sp => new HeldQuotes(ActivatorUtilities.CreateInstance<LocalFleet>(sp))));
        var quotes = (HeldQuotes)skill.Services.GetRequiredService<IRideProvider>();
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        var waiting = skill.NewSession();
        Assert.StartsWith("Welcome", Speech(await waiting.LaunchAsync()), StringComparison.Ordinal);

        // The host's one place is taken by a ride request whose quote is held.
        var holding = skill.NewSession(RiderSetup.Default with { UserId = "amzn1.ask.account.holding", GrantedEarlier = RiderSetup.AllScopes() });
        var held = holding.OrderAsync("the Space Needle");
        await quotes.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var queued = skill.NewSession();
        var queuedLaunch = queued.LaunchAsync();
        await Signal.UntilAsync(() => skill.Services.GetRequiredService<TurnAdmission>().Waiting == 1, "the queued launch waits for a place");

        // The one waiting place is taken too: these are shed at once, before the queued launch is.
        var opening = skill.NewSession();
        var openingAnswer = await opening.LaunchAsync();
        var later = await waiting.OrderAsync("the Space Needle");

        Assert.Equal(Spoken.Line(Phrase.Busy), Speech(openingAnswer));
        Assert.True((bool?)openingAnswer["response"]?["shouldEndSession"]);
        Assert.Null(await durable.GetInstanceAsync(SessionInstanceId.For(opening.SessionId)));
        Assert.Equal(Spoken.Line(Phrase.TooSlow), Speech(later));
        Assert.False((bool?)later["response"]?["shouldEndSession"]);
        Assert.False(queuedLaunch.IsCompleted);

        // The queued launch waits half its budget for the place, then is shed too.
        Assert.Equal(Spoken.Line(Phrase.Busy), Speech(await queuedLaunch));
        Assert.Null(await durable.GetInstanceAsync(SessionInstanceId.For(queued.SessionId)));

        quotes.Release.SetResult();
        Assert.StartsWith("A ride to the Space Needle", Speech(await held), StringComparison.Ordinal);
        // The shed turn never reached its session: said again, it is the step it would have been.
        AssertStartConnection(await waiting.OrderAsync("the Space Needle"), "connection://AMAZON.AskForPermissionsConsent/2");
    }

    /// <summary>The local fleet, with quotes held until the test releases them.</summary>
    private sealed class HeldQuotes(IRideProvider fleet) : IRideProvider
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await fleet.QuoteAsync(pickup, destination, rideType, now, cancellationToken);
        }

        public Task<Dispatch> DispatchAsync(RideOrder order, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.DispatchAsync(order, now, cancellationToken);

        public Task<RideProgress> StatusAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.StatusAsync(rideId, now, cancellationToken);

        public Task<Money?> CancellationFeeAsync(string rideId, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.CancellationFeeAsync(rideId, now, cancellationToken);

        public Task<RideCancellation> CancelAsync(string rideId, string idempotencyKey, Money? confirmedFee, DateTimeOffset now, CancellationToken cancellationToken) =>
            fleet.CancelAsync(rideId, idempotencyKey, confirmedFee, now, cancellationToken);
    }
}
