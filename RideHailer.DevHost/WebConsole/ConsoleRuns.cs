using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using RideHailer.Simulation;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The console's runs, by id: each page (or each change of the rider panel) starts one. The oldest are forgotten
/// past <see cref="Kept"/>, so a page left open for days does not grow the host.
/// </summary>
internal sealed class ConsoleRuns(
    WebConsoleKit kit, ConsoleSecret secret, IServer server, IOptions<AlexaOptions> alexa, IOptions<WebConsoleOptions> options, TimeProvider time) : IDisposable
{
    private const int Kept = 32;

    private readonly TimeSpan _skillTimeout = options.Value.SkillTimeout;

    private readonly ConcurrentDictionary<string, ConsoleRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly ConcurrentDictionary<string, UtteranceResolver> _resolvers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<(HttpClient Http, SkillClient Skill)> _skill = new(() => CreateSkillClient(server, kit.Signer, secret, options.Value.SkillTimeout));

    /// <summary>Where the runs send their requests: this host's own Alexa endpoint.</summary>
    public Uri SkillEndpoint => _skill.Value.Skill.Endpoint;

    public Uri AlexaApiEndpoint => kit.AlexaApi.Endpoint;

    public ConsoleRun Start(RiderFlags flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        var run = new ConsoleRun(
            Guid.NewGuid().ToString("N"), flags, _skill.Value.Skill, alexa.Value.SkillId, kit.AlexaApi, Resolver(flags.Locale), time, _skillTimeout);
        _runs[run.Id] = run;
        _order.Enqueue(run.Id);
        while (_order.Count > Kept && _order.TryDequeue(out var oldest))
        {
            _runs.TryRemove(oldest, out _);
        }

        return run;
    }

    /// <summary>The resolver of <paramref name="locale"/>'s model; a locale the package has no model for is refused.</summary>
    private UtteranceResolver Resolver(string locale) =>
        InteractionModel.Locales.Contains(locale, StringComparer.OrdinalIgnoreCase)
            ? _resolvers.GetOrAdd(locale, known => new UtteranceResolver(InteractionModel.For(known)))
            : throw new ConsoleInputException($"No interaction model for the locale '{locale}'; pick one of {string.Join(", ", InteractionModel.Locales)}.");

    public ConsoleRun? Find(string id) => _runs.GetValueOrDefault(id);

    public void Dispose()
    {
        if (_skill.IsValueCreated)
        {
            _skill.Value.Http.Dispose();
        }
    }

    /// <summary>
    /// The host's own address, read once it listens: a wildcard binding (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>, <c>*</c>)
    /// is reached on loopback, and plain http is preferred to https, whose development certificate may not be trusted.
    /// </summary>
    private static (HttpClient, SkillClient) CreateSkillClient(IServer server, SigningChain signer, ConsoleSecret secret, TimeSpan timeout)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.OrderBy(address => address.StartsWith("https:", StringComparison.OrdinalIgnoreCase)).FirstOrDefault()
            ?? throw new InvalidOperationException("The host has no address yet: the console starts runs only once the host listens.");
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::")
        {
            uri.Host = "127.0.0.1";
        }

        var http = new HttpClient { Timeout = timeout };
        // The secret sends these requests to the endpoint that trusts the kit's chain (ConsoleSkillEndpoint).
        http.DefaultRequestHeaders.Add(ConsoleSecret.HeaderName, secret.Value);
        return (http, new SkillClient(http, new Uri(uri.Uri, AlexaHttpEndpoint.Route), signer));
    }
}
