using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.DevHost.SampleProvider;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The ride after the booking on an HTTP provider (<c>RideProvider:Kind=Http</c>, here the DevHost's sample provider):
/// book in one session, then in later sessions ask where the ride is and cancel it, through the endpoint, with every
/// call the skill makes to the provider counted.
/// </summary>
public abstract class HttpRideTalkTests(BackendUnderTest backend)
{
    private static readonly SimulatedRider Jane = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    [Fact]
    public async Task BookThenInLaterSessions_WhereIsMyRide_CancelMyRide_Yes_CancelsAtTheProviderOnce_WithItsIdempotencyKey()
    {
        var calls = new ProviderCalls();
        await using var skill = await SkillHarness.StartAsync(
            backend, HttpRideProviderSessionTests.ServeSample, services => HttpRideProviderSessionTests.OverTheTestServer(services, calls));
        var booker = skill.NewSession(Jane);
        Assert.StartsWith("A ride to the Space Needle", Speech(await booker.OrderAsync("the Space Needle")), StringComparison.Ordinal);
        await booker.YesAsync();
        Assert.StartsWith("Great.", Speech(await booker.PinResultAsync("200", "ACHIEVED", level: 400)), StringComparison.Ordinal);
        var booking = Assert.Single(await skill.BookingsAsync());
        var rides = skill.Services.GetRequiredService<SampleRides>();
        var dispatched = rides.Find(booking.Dispatch.RideId!)!.Dispatch;

        var where = await skill.NewSession(Jane).SayAsync("where is my ride");
        var cancel = skill.NewSession(Jane);
        var asked = await cancel.SayAsync("cancel my ride");
        var cancelled = await cancel.YesAsync();
        var afterwards = await skill.NewSession(Jane).SayAsync("where is my ride");
        var callsBeforeSecondCancel = calls.All.Count;
        var again = await skill.NewSession(Jane).SayAsync("cancel my ride");

        var plate = Regex.Escape(dispatched.LicensePlate.Replace(" ", "", StringComparison.Ordinal));
        Assert.Matches(
            $"^<speak>{dispatched.DriverName} is [a-z-]+ minutes? away in {Regex.Escape(dispatched.Car)}, plate <say-as interpret-as=\"characters\">{plate}</say-as>\\.</speak>$",
            (string?)where["response"]!["outputSpeech"]!["ssml"]);
        // Whether a fee applies depends on how near the sample's driver already is; the sentences around it do not.
        Assert.StartsWith($"Cancel your ride to the Space Needle with {dispatched.DriverName}?", Speech(asked), StringComparison.Ordinal);
        Assert.StartsWith("Ok, I cancelled your ride to the Space Needle.", Speech(cancelled), StringComparison.Ordinal);
        Assert.Equal("Your last ride was cancelled.", Speech(afterwards));
        Assert.Equal("Your ride is already cancelled.", Speech(again));

        var cancelPath = $"/sample-provider/v1/rides/{booking.Dispatch.RideId}/cancel";
        var cancels = calls.All.Where(call => call.Method == "POST" && call.Path == cancelPath).ToList();
        Assert.Equal("cancel-" + booking.IdempotencyKey, Assert.Single(cancels).IdempotencyKey);
        Assert.Equal(callsBeforeSecondCancel, calls.All.Count);
        Assert.NotNull(rides.Find(booking.Dispatch.RideId!)!.Cancelled);
        Assert.Equal(RideStatus.RiderCanceled, Assert.Single(await skill.BookingsAsync()).Progress?.Status);
    }

    /// <summary>Every request the skill's HTTP provider sends, as the provider receives it.</summary>
    private sealed class ProviderCalls : DelegatingHandler
    {
        private readonly ConcurrentQueue<(string Method, string Path, string? IdempotencyKey)> _calls = new();

        public IReadOnlyList<(string Method, string Path, string? IdempotencyKey)> All => [.. _calls];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.SingleOrDefault() : null;
            _calls.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, key));
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class HttpRideTalkInMemory() : HttpRideTalkTests(BackendUnderTest.InMemory);

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class HttpRideTalkOnAzureStorage(AzuriteFixture azurite) : HttpRideTalkTests(BackendUnderTest.AzureStorage(azurite));
