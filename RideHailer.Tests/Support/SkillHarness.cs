using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RideHailer.DevHost.Simulator;
using RideHailer.Domain.Rides;

namespace RideHailer.Tests.Support;

/// <summary>
/// The whole skill as Alexa reaches it: the DevHost on the in-memory durable backend, the local Alexa
/// APIs on loopback, an in-process booking store to count bookings in, and a record of every durable
/// payload and log line (to prove no credential reaches them).
/// </summary>
internal sealed class SkillHarness : IAsyncDisposable
{
    private readonly RideHailerApp _app;

    private SkillHarness(RideHailerApp app, LocalAlexaApi api, InProcessBookingStore bookings, Recorder recorder)
    {
        _app = app;
        Api = api;
        Bookings = bookings;
        Recorded = recorder;
    }

    public LocalAlexaApi Api { get; }

    public InProcessBookingStore Bookings { get; }

    public Recorder Recorded { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<SkillHarness> StartAsync(
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var api = await LocalAlexaApi.StartAsync();
        var bookings = new InProcessBookingStore();
        var recorder = new Recorder();
        var all = new Dictionary<string, string?>
        {
            ["Alexa:AllowedApiEndpoints:0"] = api.Endpoint.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var app = new RideHailerApp(all, services =>
        {
            services.AddSingleton<IBookingStore>(bookings);
            services.AddSingleton<ILoggerProvider>(recorder);
            services.Configure<DurableTaskWorkerOptions>(options => options.DataConverter = recorder.Wrap(options.DataConverter));
            services.Configure<DurableTaskClientOptions>(options => options.DataConverter = recorder.Wrap(options.DataConverter));
            configure?.Invoke(services);
        });
        _ = app.Server;
        return new SkillHarness(app, api, bookings, recorder);
    }

    public AlexaSession NewSession(RiderSetup? rider = null) => new(_app.PostAsync, Api.Endpoint, rider);

    public Task<JsonNode> PostAsync(JsonNode envelope) => _app.PostAsync(envelope);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await Api.DisposeAsync();
    }

    /// <summary>Every payload the durable data converter wrote or read, and every log message.</summary>
    internal sealed class Recorder : ILoggerProvider
    {
        public ConcurrentQueue<string> Payloads { get; } = new();

        public ConcurrentQueue<string> Logs { get; } = new();

        public DataConverter Wrap(DataConverter inner) => new RecordingConverter(inner, Payloads);

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(Logs, categoryName);

        public void Dispose()
        {
        }

        private sealed class RecordingConverter(DataConverter inner, ConcurrentQueue<string> payloads) : DataConverter
        {
            public override string? Serialize(object? value)
            {
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
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

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
