using System.Globalization;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Domain.Rides;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Rides;

namespace RideHailer.Tests.RideEvents;

/// <summary>
/// <c>POST /api/rides/events</c>'s handler: authenticated by its HMAC alone, five minutes of clock either way, a body
/// the contract describes, then the ride lifecycle's receipt as the status (a fake sink stands in for it).
/// </summary>
public sealed class RideEventWebhookTests
{
    private const string Secret = "whsec-test";

    private const string Body =
        """{"eventId":"ev-1","rideId":"ride-9","status":"arriving","pickupEtaSeconds":60,"driver":{"name":"Sam","car":"a silver Toyota Prius","plate":"BXK 4821"},"sequence":2,"occurredAt":"2026-12-07T10:00:00Z"}""";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-07T10:00:05Z", CultureInfo.InvariantCulture));
    private readonly FakeSink _sink = new();
    private static readonly DurableTaskClient Durable = new Moq.Mock<DurableTaskClient>("webhook-tests").Object;

    [Fact]
    public async Task SignedEvent_IsHandedToTheSink_Accepted202()
    {
        var result = await PostAsync(Body);

        Assert.Equal(202, result.StatusCode);
        var received = Assert.Single(_sink.Received);
        Assert.Equal(("ev-1", "ride-9"), (received.EventId, received.RideId));
        Assert.Equal(RideStatus.Arriving, received.Progress.Status);
        Assert.Equal(TimeSpan.FromSeconds(60), received.Progress.PickupEta);
        Assert.Equal(2, received.Progress.Sequence);
        Assert.Equal(("Sam", "a silver Toyota Prius", "BXK 4821"), (received.Progress.Driver?.DriverName, received.Progress.Driver?.Car, received.Progress.Driver?.LicensePlate));
        Assert.Equal(DateTimeOffset.Parse("2026-12-07T10:00:00Z", CultureInfo.InvariantCulture), received.Progress.At);
    }

    [Fact]
    public async Task RepeatedEventId_Is200()
    {
        await PostAsync(Body);

        var again = await PostAsync(Body);

        Assert.Equal(200, again.StatusCode);
    }

    [Fact]
    public async Task UnknownRide_Is404()
    {
        _sink.KnownRides.Clear();

        var result = await PostAsync(Body);

        Assert.Equal((404, "unknown_ride"), (result.StatusCode, result.Error));
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=nothex")]
    [InlineData("")]
    [InlineData(null)]
    public async Task BadOrMissingSignature_Is401_AndNothingChanges(string? signature)
    {
        var result = await Webhook().HandleAsync(Encoding.UTF8.GetBytes(Body), Timestamp(_time.GetUtcNow()), signature, Durable, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_sink.Received);
    }

    [Fact]
    public async Task SignatureOverAnotherBody_Is401()
    {
        var timestamp = Timestamp(_time.GetUtcNow());
        var signature = RideEventSignature.Sign(Secret, long.Parse(timestamp, CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(Body));

        var result = await Webhook().HandleAsync(Encoding.UTF8.GetBytes(Body.Replace("arriving", "completed", StringComparison.Ordinal)), timestamp, signature, Durable, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
        Assert.Empty(_sink.Received);
    }

    [Fact]
    public async Task SignedWithAnotherSecret_Is401()
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();

        var result = await Webhook().HandleAsync(
            Encoding.UTF8.GetBytes(Body), Timestamp(_time.GetUtcNow()), RideEventSignature.Sign("another", timestamp, Encoding.UTF8.GetBytes(Body)), Durable, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData(-301, 401)]
    [InlineData(-300, 202)]
    [InlineData(300, 202)]
    [InlineData(301, 401)]
    public async Task ClockSkew_BeyondFiveMinutesEitherWay_Is401(int skewSeconds, int expected)
    {
        var result = await PostAsync(Body, _time.GetUtcNow().AddSeconds(skewSeconds));

        Assert.Equal(expected, result.StatusCode);
        Assert.Equal(expected == 202 ? 1 : 0, _sink.Received.Count);
    }

    [Fact]
    public async Task MissingTimestamp_Is401()
    {
        var result = await Webhook().HandleAsync(Encoding.UTF8.GetBytes(Body), null, "sha256=00", Durable, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"eventId":"ev-1","rideId":"ride-9","status":"teleported","pickupEtaSeconds":60,"driver":null,"sequence":2,"occurredAt":"2026-12-07T10:00:00Z"}""")]
    [InlineData("""{"eventId":"ev-1","status":"arriving","pickupEtaSeconds":60,"driver":null,"sequence":2,"occurredAt":"2026-12-07T10:00:00Z"}""")]
    [InlineData("""{"eventId":"","rideId":"ride-9","status":"arriving","pickupEtaSeconds":60,"driver":null,"sequence":2,"occurredAt":"2026-12-07T10:00:00Z"}""")]
    [InlineData("""{"eventId":"ev-1","rideId":"ride-9","status":"arriving","pickupEtaSeconds":60,"driver":null,"sequence":"two","occurredAt":"2026-12-07T10:00:00Z"}""")]
    public async Task SignedButMalformedBody_Is400WithAReason_AndNothingChanges(string body)
    {
        var result = await PostAsync(body);

        Assert.Equal((400, "malformed_body"), (result.StatusCode, result.Error));
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Empty(_sink.Received);
    }

    [Fact]
    public async Task NoSecretConfigured_EveryEventIs401()
    {
        var webhook = new RideEventWebhook(Options.Create(new RideProviderOptions()), _time, NullLogger<RideEventWebhook>.Instance, _sink);

        var result = await webhook.HandleAsync(Encoding.UTF8.GetBytes(Body), Timestamp(_time.GetUtcNow()), "sha256=", Durable, CancellationToken.None);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public void Signature_IsLowercaseHexHmacSha256OverTimestampDotBody()
    {
        // The worked example of docs/ride-provider-api.md, computed independently of RideEventSignature.
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes("1796637600." + Body)));

        Assert.Equal(expected, RideEventSignature.Sign(Secret, 1796637600, Encoding.UTF8.GetBytes(Body)));
    }

    private Task<RideEventWebhookResult> PostAsync(string body, DateTimeOffset? signedAt = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var at = (signedAt ?? _time.GetUtcNow()).ToUnixTimeSeconds();
        return Webhook().HandleAsync(bytes, at.ToString(CultureInfo.InvariantCulture), RideEventSignature.Sign(Secret, at, bytes), Durable, CancellationToken.None);
    }

    private RideEventWebhook Webhook() =>
        new(Options.Create(new RideProviderOptions { WebhookSecret = Secret }), _time, NullLogger<RideEventWebhook>.Instance, _sink);

    private static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private sealed class FakeSink : IRideEventSink
    {
        public HashSet<string> KnownRides { get; } = ["ride-9"];

        public List<ProviderRideEvent> Received { get; } = [];

        public Task<RideEventReceipt> ReceiveAsync(ProviderRideEvent rideEvent, DurableTaskClient durable, CancellationToken cancellationToken)
        {
            if (!KnownRides.Contains(rideEvent.RideId))
            {
                return Task.FromResult(RideEventReceipt.UnknownRide);
            }

            if (Received.Any(seen => seen.EventId == rideEvent.EventId))
            {
                return Task.FromResult(RideEventReceipt.Repeated);
            }

            Received.Add(rideEvent);
            return Task.FromResult(RideEventReceipt.Accepted);
        }
    }
}
