using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain;
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
/// A turn answered "that took too long" is still applied by the session afterwards. The rider says it again with a
/// new request id, and hears what the session now has for them: the quote it went on to price, priced once.
/// </summary>
public abstract class LateReplyTests(BackendUnderTest backend)
{
    [Fact]
    public async Task RideRequestAnsweredTooLate_SaidAgain_HearsTheQuoteItLandedOn_PricedOnceAndBookedOnce()
    {
        await using var skill = await SkillHarness.StartAsync(
            backend,
            new() { ["Session:ReplyTimeout"] = "00:00:01" },
            services => services.AddSingleton<IRideProvider>(sp => new SlowFirstQuote(ActivatorUtilities.CreateInstance<LocalFleet>(sp))));
        var provider = (SlowFirstQuote)skill.Services.GetRequiredService<IRideProvider>();
        // A warm engine, so the slow quote is the only thing past the budget (a cold one can miss it on its own).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var warm = skill.NewSession(RiderSetup.Default with { UserId = "amzn1.ask.account.warm" });
            if (Speech(await warm.LaunchAsync()).StartsWith("Welcome", StringComparison.Ordinal))
            {
                break;
            }
        }

        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        Assert.Equal(Spoken.Line(Phrase.TooSlow), Speech(await alexa.OrderAsync("the Space Needle")));
        await provider.FirstQuoted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var durable = skill.Services.GetRequiredService<DurableTaskClient>();
        await Signal.UntilAsync(
            async () => (await durable.GetInstanceAsync(SessionInstanceId.For(alexa.SessionId), getInputsAndOutputs: true))
                ?.ReadCustomStatusAs<SessionStatus>()?.Step == SessionStep.AwaitingQuoteAnswer,
            "the session has applied the late quote");

        var again = await alexa.OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Speech(again), StringComparison.Ordinal);
        Assert.Equal(1, provider.Quotes);
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        Assert.StartsWith("Great.", Speech(await alexa.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
    }

    /// <summary>The local fleet, with its first quote taking longer than the reply budget.</summary>
    private sealed class SlowFirstQuote(IRideProvider fleet) : IRideProvider
    {
        private int _quotes;

        public int Quotes => _quotes;

        public TaskCompletionSource FirstQuoted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<Quote> QuoteAsync(Pickup pickup, Place destination, RideType rideType, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _quotes) == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                var quote = await fleet.QuoteAsync(pickup, destination, rideType, now, cancellationToken);
                FirstQuoted.TrySetResult();
                return quote;
            }

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

public sealed class LateReplyInMemory() : LateReplyTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class LateReplyOnAzureStorage(AzuriteFixture azurite) : LateReplyTests(BackendUnderTest.AzureStorage(azurite));
