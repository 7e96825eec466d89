using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.DevHost.SampleProvider;
using RideHailer.Domain.Replies;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides.Http;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// Whole sessions through the endpoint with <c>RideProvider:Kind=Http</c>: against the DevHost's own sample provider
/// (<c>RideProvider:ServeSample=true</c>), and against a provider that is down, fails the dispatch or refuses an
/// expired quote.
/// </summary>
public sealed class HttpRideProviderSessionTests
{
    private const string ApiKey = "sample-key-never-logged";
    private const string WebhookSecret = "sample-secret-never-logged";

    internal static readonly Dictionary<string, string?> ServeSample = new()
    {
        ["RideProvider:ServeSample"] = "true",
        ["RideProvider:ApiKey"] = ApiKey,
        ["RideProvider:WebhookSecret"] = WebhookSecret,
    };

    [Fact]
    public async Task Booking_OnTheSampleProviderOverHttp_IsTheSampleProvidersRide()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, ServeSample, services => OverTheTestServer(services));
        var alexa = await skill.AtThePinAsync();

        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith("Great. Your driver will arrive in ", Speech(booked), StringComparison.Ordinal);
        var booking = Assert.Single(await skill.BookingsAsync());
        var ride = skill.Services.GetRequiredService<SampleRides>().Find(booking.Dispatch.RideId!);
        Assert.NotNull(ride);
        Assert.Equal(booking.Dispatch.DriverName, ride.Dispatch.DriverName);
        Assert.Equal(booking.Quote.Id, ride.Quote.Id);
        Assert.DoesNotContain(skill.Recorded.Logs, line => line.Contains(ApiKey, StringComparison.Ordinal) || line.Contains(WebhookSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_OnTheDevHostRoute_IsAuthenticatedByItsSignatureAlone()
    {
        var sink = new CountingSink();
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, ServeSample, services =>
        {
            OverTheTestServer(services);
            services.AddSingleton<IRideEventSink>(sink);
        });
        using var client = ((TestServer)skill.Services.GetRequiredService<IServer>()).CreateClient();
        var body = Encoding.UTF8.GetBytes(
            """{"eventId":"ev-1","rideId":"ride-1","status":"arriving","pickupEtaSeconds":60,"driver":null,"sequence":2,"occurredAt":"2026-12-07T10:00:00Z"}""");
        var timestamp = skill.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();

        using var unsigned = await PostEventAsync(client, body, timestamp, signature: null);
        using var wrongSecret = await PostEventAsync(client, body, timestamp, RideEventSignature.Sign("another", timestamp, body));
        var receivedBeforeSigned = sink.Count;
        using var signed = await PostEventAsync(client, body, timestamp, RideEventSignature.Sign(WebhookSecret, timestamp, body));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(0, receivedBeforeSigned);
        Assert.Equal(HttpStatusCode.Accepted, signed.StatusCode);
        Assert.Equal(1, sink.Count);
    }

    private static async Task<HttpResponseMessage> PostEventAsync(HttpClient client, byte[] body, long timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/rides/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Ride-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (signature is not null)
        {
            request.Headers.Add("X-Ride-Signature", signature);
        }

        return await client.SendAsync(request);
    }

    private sealed class CountingSink : IRideEventSink
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task<RideEventReceipt> ReceiveAsync(ProviderRideEvent rideEvent, DurableTaskClient durable, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(RideEventReceipt.Accepted);
        }
    }

    [Fact]
    public async Task ProviderDown_WhenQuoting_TheRiderHearsTheApologyAndTheSessionEnds()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, new()
        {
            ["RideProvider:Kind"] = "Http",
            ["RideProvider:BaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
            ["RideProvider:ApiKey"] = "key",
            ["RideProvider:WebhookSecret"] = "secret",
        });
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        var response = await alexa.OrderAsync("the Space Needle");

        Assert.Equal(Spoken.Line(Phrase.RideServiceUnreachable), Speech(response));
        Assert.Equal("Ride Hailer can't reach the ride service right now. Please try again in a minute.", Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task ProviderFailingTheDispatch_TheRiderHearsTheApology_NothingIsBookedAndTheDispatchWasSentOnce()
    {
        var failing = new AnswerFirstDispatches(HttpStatusCode.ServiceUnavailable, """{"error":"down"}""", count: int.MaxValue);
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, ServeSample, services => OverTheTestServer(services, failing));
        var alexa = await skill.AtThePinAsync();

        var response = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.RideServiceUnreachable), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
        Assert.Equal(1, failing.Dispatches);
    }

    [Fact]
    public async Task QuoteExpiredAtTheProvider_TheRiderHearsTheNewPriceBeforeAnythingIsBooked_AndAYesBooksIt()
    {
        var expired = new AnswerFirstDispatches(HttpStatusCode.Conflict, """{"error":"quote_expired"}""", count: 1);
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, ServeSample, services => OverTheTestServer(services, expired));
        var alexa = await skill.AtThePinAsync();

        var reoffered = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith(Spoken.Line(Phrase.PriceRefreshed) + " A ride to the Space Needle", Speech(reoffered), StringComparison.Ordinal);
        Assert.Empty(await skill.BookingsAsync());
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);
        Assert.StartsWith("Great. Your driver will arrive in ", Speech(booked), StringComparison.Ordinal);
        Assert.Single(await skill.BookingsAsync());
        Assert.Equal(2, expired.Dispatches);
    }

    /// <summary>The skill's HTTP provider sends to this host's own test server, where the sample provider is mapped.</summary>
    internal static void OverTheTestServer(IServiceCollection services, DelegatingHandler? inFront = null)
    {
        var client = services.AddHttpClient<HttpRideProvider>()
            .ConfigurePrimaryHttpMessageHandler(provider => ((TestServer)provider.GetRequiredService<IServer>()).CreateHandler());
        if (inFront is not null)
        {
            client.AddHttpMessageHandler(() => inFront);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Answers the first <c>count</c> dispatches itself, as a provider would; everything else goes on to the sample provider.</summary>
    private sealed class AnswerFirstDispatches(HttpStatusCode status, string body, int count) : DelegatingHandler
    {
        private int _dispatches;

        public int Dispatches => Volatile.Read(ref _dispatches);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath.EndsWith("/v1/rides", StringComparison.Ordinal)
                && Interlocked.Increment(ref _dispatches) <= count)
            {
                return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
