using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;

namespace RideHailer.DevHost.SampleProvider;

internal static class SampleProviderServiceCollectionExtensions
{
    /// <summary>The setting that serves the sample provider and points the skill at it.</summary>
    public const string ServeSampleSetting = "RideProvider:ServeSample";

    /// <summary>The root the settings name until the host knows its own address (a test server's is exactly this).</summary>
    public const string DefaultBaseUrl = "http://localhost" + SampleProviderEndpoints.Prefix;

    public static bool IsServed(IConfiguration configuration) => configuration.GetValue<bool>(ServeSampleSetting);

    /// <summary>
    /// Serves the built-in fleet at <c>/sample-provider/v1/...</c> and makes the skill's provider the HTTP adapter
    /// pointed at it: <c>RideProvider:Kind=Http</c>; the key and webhook secret as set, or random ones for this run;
    /// the base URL as set, or this host's own address once it listens (on a free port too).
    /// </summary>
    public static IServiceCollection AddSampleProvider(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<SampleRides>();
        var key = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var secret = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var baseUrlWasSet = false;
        services.PostConfigure<RideProviderOptions>(options =>
        {
            options.Kind = RideProviderKind.Http;
            baseUrlWasSet = !string.IsNullOrWhiteSpace(options.BaseUrl);
            options.BaseUrl = baseUrlWasSet ? options.BaseUrl : DefaultBaseUrl;
            options.ApiKey = string.IsNullOrWhiteSpace(options.ApiKey) ? key : options.ApiKey;
            options.WebhookSecret = string.IsNullOrWhiteSpace(options.WebhookSecret) ? secret : options.WebhookSecret;
        });
        services.AddHttpClient<HttpRideProvider>().ConfigureHttpClient((provider, client) =>
        {
            if (!baseUrlWasSet && OwnAddress(provider) is { } own)
            {
                client.BaseAddress = new Uri(own, SampleProviderEndpoints.Prefix.TrimStart('/') + "/");
            }
        });
        return services;
    }

    /// <summary>Where this host listens, a wildcard as the loopback address; null before it listens or on a test server.</summary>
    private static Uri? OwnAddress(IServiceProvider provider)
    {
        var address = provider.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        var loopback = address.Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal);
        return Uri.TryCreate(loopback.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : null;
    }
}
