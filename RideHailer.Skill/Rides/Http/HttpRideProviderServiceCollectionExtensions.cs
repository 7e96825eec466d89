using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace RideHailer.Skill.Rides.Http;

public static class HttpRideProviderServiceCollectionExtensions
{
    /// <summary>
    /// One attempt's limit. A dispatch gets one attempt and nothing else; with the re-quote that a 409 quote_expired
    /// leads to (<see cref="TotalTimeout"/>) the booking turn stays inside the 6 s turn budget.
    /// </summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1.5);

    /// <summary>All attempts of one call together (a quote or a read and its one retry).</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(2.5);

    /// <summary>Attempts, all failed, within <see cref="BreakerSamplingDuration"/> after which calls fail at once.</summary>
    public const int BreakerMinimumThroughput = 10;

    public static readonly TimeSpan BreakerSamplingDuration = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an open breaker answers at once: Polly's shortest. A provider that is back is tried again within a
    /// second, long before the next rider's booking turn, so the breaker sheds load during an outage and never keeps
    /// a recovered provider from the next rider.
    /// </summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// Registers <see cref="HttpRideProvider"/> as a typed client at <c>RideProvider:BaseUrl</c>, on the standard
    /// resilience pipeline: per-attempt and total timeouts, one retry of a transient failure for the calls that are
    /// safe to repeat (the reads and <c>POST /v1/quotes</c>; never a dispatch or a cancel, so no retry outlives the turn
    /// whose rider heard the apology), and a circuit breaker.
    /// </summary>
    public static IHttpClientBuilder AddHttpRideProvider(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        var client = services.AddHttpClient<HttpRideProvider>((provider, client) =>
            {
                client.BaseAddress = provider.GetRequiredService<IOptions<RideProviderOptions>>().Value.BaseAddress;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // The bearer key must go only where it was configured to go.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            });
        client.AddStandardResilienceHandler(ForRideProvider);
        return client;
    }

    private static void ForRideProvider(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = AttemptTimeout;
        options.TotalRequestTimeout.Timeout = TotalTimeout;
        options.Retry.MaxRetryAttempts = 1;
        options.Retry.BackoffType = DelayBackoffType.Constant;
        options.Retry.Delay = TimeSpan.FromMilliseconds(100);
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = false;
        var transient = options.Retry.ShouldHandle;
        options.Retry.ShouldHandle = args => args.Context.GetRequestMessage() is { } request && IsSafeToRepeat(request)
            ? transient(args)
            : PredicateResult.False();
        options.CircuitBreaker.FailureRatio = 1.0;
        options.CircuitBreaker.MinimumThroughput = BreakerMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = BreakerSamplingDuration;
        options.CircuitBreaker.BreakDuration = BreakDuration;
    }

    /// <summary>A read, or a quote (pricing changes nothing at the provider).</summary>
    internal static bool IsSafeToRepeat(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get
        || (request.Method == HttpMethod.Post && request.RequestUri is { } uri
            && (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).EndsWith("/" + RideProviderContract.QuotesPath, StringComparison.Ordinal));
}
