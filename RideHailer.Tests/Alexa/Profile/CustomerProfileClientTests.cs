using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Alexa.Profile;

/// <summary>
/// The registered Customer Profile / Device Address client against a real HTTP server: a redirect is an outage, never
/// followed, and nothing identifying (the device id in the address call's path) reaches the logs (issue #32).
/// </summary>
public sealed class CustomerProfileClientTests : IAsyncLifetime
{
    private const string DeviceId = "amzn1.ask.device.SECRETDEVICEID";

    private readonly List<string> _requestedPaths = [];
    private WebApplication _server = null!;
    private AlexaApi _api = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Use((HttpContext context, RequestDelegate next) =>
        {
            lock (_requestedPaths)
            {
                _requestedPaths.Add(context.Request.Path);
            }

            return next(context);
        });
        // An allowed endpoint that answers with a redirect to a body of someone else's choosing.
        _server.MapGet("/v2/accounts/~current/settings/Profile.givenName", () => Results.Redirect("/elsewhere"));
        _server.MapGet("/elsewhere", () => Results.Json("Mallory"));
        _server.MapGet("/v1/devices/{id}/settings/address", () => Results.StatusCode(500));
        // Down once, then up.
        var mobileCalls = 0;
        _server.MapGet("/v2/accounts/~current/settings/Profile.mobileNumber", () => Interlocked.Increment(ref mobileCalls) == 1
            ? Results.StatusCode(503)
            : Results.Json(new Dictionary<string, string> { ["countryCode"] = "+1", ["phoneNumber"] = "2065550100" }));
        // Never answers: held until the caller gives up.
        _server.MapGet("/v2/accounts/~current/settings/Profile.name", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        });
        _server.MapGet("/v2/persons/~current/profile/name", () => Results.StatusCode(500));
        _server.MapGet("/v2/persons/~current/profile/givenName", () => Results.StatusCode(403));
        await _server.StartAsync();
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _api = new AlexaApi(new Uri(address), "api-access-token");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Redirect_IsNotFollowedAndReadsAsUnavailable()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);

        var read = await provider.GetRequiredService<CustomerProfileClient>().GetGivenNameAsync(_api, person: false, default);

        Assert.Equal(ProfileReadStatus.Unavailable, read.Status);
        Assert.Null(read.Value);
        Assert.DoesNotContain("/elsewhere", _requestedPaths);
    }

    [Fact]
    public async Task AddressCallFails_LogsThePathTemplateAndNoDeviceId()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);

        var read = await provider.GetRequiredService<CustomerProfileClient>().GetAddressAsync(_api, DeviceId, default);

        // A 500 is an outage, not a refusal.
        Assert.Equal(ProfileReadStatus.Unreachable, read.Status);
        Assert.Contains(_requestedPaths, path => path.Contains(DeviceId, StringComparison.Ordinal));
        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, log => log.Message.Contains("v1/devices/{deviceId}/settings/address", StringComparison.Ordinal));
        Assert.All(logs, log => Assert.DoesNotContain(DeviceId, log.Message + string.Join(",", log.StructuredState ?? []), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServiceUnavailableThenOk_IsRetriedOnceAndRead()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);

        var read = await provider.GetRequiredService<CustomerProfileClient>().GetMobileNumberAsync(_api, person: false, default);

        Assert.Equal(ProfileReadStatus.Read, read.Status);
        Assert.Equal("+1 2065550100", read.Value!.ToString());
        Assert.Equal(2, Count("/v2/accounts/~current/settings/Profile.mobileNumber"));
    }

    [Fact]
    public async Task ApiThatNeverAnswers_IsGivenUpOnAsUnreachableWithoutTheCallerCancelling()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);

        // No cancellation from the caller: only the pipeline's timeouts can end this read.
        var read = await provider.GetRequiredService<CustomerProfileClient>().GetNameAsync(_api, person: false, CancellationToken.None);

        Assert.Equal(ProfileReadStatus.Unreachable, read.Status);
        Assert.Equal(2, Count("/v2/accounts/~current/settings/Profile.name"));
    }

    [Fact]
    public async Task BrokenApi_OpensTheBreakerAndIsNoLongerCalled()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);
        var client = provider.GetRequiredService<CustomerProfileClient>();
        const string Path = "/v2/persons/~current/profile/name";

        // Two attempts a read: enough failed attempts to reach the breaker's minimum throughput.
        for (var read = 0; read < TurnResilience.BreakerMinimumThroughput; read++)
        {
            Assert.Equal(ProfileReadStatus.Unreachable, (await client.GetNameAsync(_api, person: true, default)).Status);
        }

        var calls = Count(Path);
        var whileOpen = await client.GetNameAsync(_api, person: true, default);

        Assert.Equal(ProfileReadStatus.Unreachable, whileOpen.Status);
        Assert.Equal(calls, Count(Path));
        Assert.True(calls < 2 * TurnResilience.BreakerMinimumThroughput, $"{calls} calls reached the API");
    }

    [Fact]
    public async Task Refused_IsNotRetriedAndNeverOpensTheBreaker()
    {
        await using var provider = Services().BuildServiceProvider(validateScopes: true);
        var client = provider.GetRequiredService<CustomerProfileClient>();
        const int Reads = 2 * TurnResilience.BreakerMinimumThroughput;

        for (var read = 0; read < Reads; read++)
        {
            Assert.Equal(ProfileReadStatus.Refused, (await client.GetGivenNameAsync(_api, person: true, default)).Status);
        }

        Assert.Equal(Reads, Count("/v2/persons/~current/profile/givenName"));
    }

    private int Count(string path)
    {
        lock (_requestedPaths)
        {
            return _requestedPaths.Count(requested => requested == path);
        }
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddCustomerProfileClient();
        return services;
    }
}
