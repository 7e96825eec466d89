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

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddCustomerProfileClient();
        return services;
    }
}
