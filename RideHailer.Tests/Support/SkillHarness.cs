using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Speech;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Support;

/// <summary>
/// The whole skill as Alexa reaches it: the DevHost on the in-memory durable backend, the local Alexa
/// APIs on loopback, an in-process booking store to count bookings in, and a record of every durable
/// payload and log line (to prove no credential reaches them).
/// </summary>
internal sealed class SkillHarness : IAsyncDisposable
{
    private readonly RideHailerApp _app;

    private readonly BackendUnderTest _backend;

    private SkillHarness(RideHailerApp app, LocalAlexaApi api, BackendUnderTest backend, string hub, Recorder recorder)
    {
        _app = app;
        _backend = backend;
        Api = api;
        Hub = hub;
        Recorded = recorder;
    }

    public LocalAlexaApi Api { get; }

    /// <summary>Names this DevHost's durable task hub and bookings table; a restarted host reuses it.</summary>
    public string Hub { get; }

    public Recorder Recorded { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SkillHarness> StartAsync(
        BackendUnderTest backend,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        string? hub = null,
        LocalAlexaApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        api ??= await LocalAlexaApi.StartAsync();
        hub ??= "t" + Guid.NewGuid().ToString("N")[..16];
        var recorder = new Recorder();
        var all = new Dictionary<string, string?>
        {
            ["Alexa:AllowedApiEndpoints:0"] = api.Endpoint.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in backend.Settings(hub).Concat(settings ?? []))
        {
            all[key] = value;
        }

        var app = new RideHailerApp(all, services =>
        {
            if (backend.IsInMemory && !all.ContainsKey("ConnectionStrings:Tables"))
            {
                services.AddSingleton<IBookingStore>(new InProcessBookingStore());
            }

            services.AddSingleton<ILoggerProvider>(recorder);
            services.Configure<DurableTaskWorkerOptions>(options => options.DataConverter = recorder.Wrap(options.DataConverter));
            services.Configure<DurableTaskClientOptions>(options => options.DataConverter = recorder.Wrap(options.DataConverter));
            if (backend.InPseudoLocale)
            {
                services.AddSingleton<PhraseTable, PseudoPhrases>();
            }

            configure?.Invoke(services);
        });
        _ = app.Server;
        return new SkillHarness(app, api, backend, hub, recorder);
    }

    public AlexaSession NewSession(SimulatedRider? rider = null, Uri? apiEndpoint = null) => new(PostAsync, Api, rider, apiEndpoint);

    /// <summary>A new session, one-shot with every scope granted, up to the PIN connection.</summary>
    public async Task<AlexaSession> AtThePinAsync()
    {
        var alexa = NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");
        Responses.AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        return alexa;
    }

    /// <summary>Carries a session on in this host, as Alexa would after the previous host stopped.</summary>
    public void TakeOver(AlexaSession session) => session.Post = PostAsync;

    public async Task<IReadOnlyList<Booking>> BookingsAsync() =>
        await _backend.BookingsAsync(Hub, _app.Services.GetRequiredService<IBookingStore>());

    public async Task<IReadOnlyList<string>> RiderPartitionsAsync() =>
        await _backend.RiderPartitionsAsync(Hub, _app.Services.GetRequiredService<IBookingStore>());

    /// <summary>Every row of the bookings table (Azure Tables only), to prove what a deletion left.</summary>
    public Task<IReadOnlyList<string>> TableRowsAsync() => _backend.TableRowsAsync(Hub);

    /// <summary>Stops the DevHost but keeps the local Alexa API, for a restart on the same data.</summary>
    public async Task<LocalAlexaApi> StopHostAsync()
    {
        await _app.DisposeAsync();
        _stopped = true;
        return Api;
    }

    /// <summary>Posts as Alexa would; in the pseudo-locale, checks every phrase was marked and returns the response unmarked.</summary>
    public Task<JsonNode> PostAsync(JsonNode envelope) =>
        _backend.InPseudoLocale ? PseudoLocale.ExchangeAsync(_app.PostAsync, envelope) : _app.PostAsync(envelope);

    public Task<(int Status, string Body)> PostRawAsync(byte[] body) => _app.PostRawAsync(body);

    private bool _stopped;

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await _app.DisposeAsync();
            await Api.DisposeAsync();
        }
    }

    /// <summary>Every payload the durable data converter wrote or read, the type of each value it wrote, and every log message.</summary>
    internal sealed class Recorder : ILoggerProvider
    {
        public ConcurrentQueue<string> Payloads { get; } = new();

        /// <summary>
        /// The type of every value serialized: an activity's input is serialized when the activity is scheduled (in the
        /// engine's parameter array, whose elements are recorded).
        /// </summary>
        public ConcurrentQueue<Type> SerializedTypes { get; } = new();

        public ConcurrentQueue<string> Logs { get; } = new();

        public DataConverter Wrap(DataConverter inner) => new RecordingConverter(inner, Payloads, SerializedTypes);

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(Logs, categoryName);

        public void Dispose()
        {
        }

        private sealed class RecordingConverter(DataConverter inner, ConcurrentQueue<string> payloads, ConcurrentQueue<Type> types) : DataConverter
        {
            public override string? Serialize(object? value)
            {
                foreach (var element in value is object?[] parameters ? parameters : [value])
                {
                    if (element is not null)
                    {
                        types.Enqueue(element.GetType());
                    }
                }

                var json = inner.Serialize(value);
                if (json is not null)
                {
                    payloads.Enqueue(json);
                }

                return json;
            }

            public override object? Deserialize(string? data, Type targetType)
            {
                if (data is not null)
                {
                    payloads.Enqueue(data);
                }

                return inner.Deserialize(data, targetType);
            }
        }

        private sealed class RecordingLogger(ConcurrentQueue<string> logs, string category) : ILogger
        {
            /// <summary>A scope's values are recorded as it opens: a credential put in a scope is a credential logged.</summary>
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull
            {
                logs.Enqueue($"{category}: scope {state}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        logs.Enqueue($"{category}: scope {key}={value}");
                    }
                }

                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                logs.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        logs.Enqueue($"{category}: {key}={value}");
                    }
                }
            }
        }
    }
}
