using RideHailer.Tests.Support;
using Xunit.Abstractions;

namespace RideHailer.Tests.DevHost;

/// <summary>
/// Ctrl+C stops the DevHost promptly on either backend (the README's stop order: the DevHost first, then Azurite), with
/// a session open, so a developer never waits on the framework's 30 s default or kills it by hand.
/// </summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ShutdownTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>The bound the README promises; the host's own shutdown timeout is what keeps it.</summary>
    private static readonly TimeSpan Promised = TimeSpan.FromSeconds(5);

    public static TheoryData<string> Backends => ["InMemory", "AzureStorage"];

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task CtrlC_WithASessionOpen_StopsWithinFiveSeconds(string backend)
    {
        var settings = new Dictionary<string, string> { ["Durable:Backend"] = backend };
        if (backend == "AzureStorage")
        {
            var hub = "stop" + Guid.NewGuid().ToString("N")[..12];
            settings["Durable:Storage"] = azurite.ConnectionString;
            settings["extensions:durableTask:hubName"] = hub;
            settings["ConnectionStrings:Tables"] = azurite.ConnectionString;
            settings["Tables:BookingsTable"] = hub + "Bookings";
        }

        await using var host = await DevHostProcess.StartAsync(settings);
        var welcome = await host.PostAsync(AlexaRequests.Envelope(AlexaRequests.Launch(), "amzn1.echo-api.session.stop-" + backend, timestamp: DateTimeOffset.UtcNow));
        Assert.Contains("Welcome to Ride Hailer", Responses.Speech(welcome), StringComparison.Ordinal);

        // The process's exit is awaited a little past the promise: the bound is the host's, not the process teardown's.
        var stopped = await host.InterruptAsync(Promised + TimeSpan.FromSeconds(5));

        Assert.True(stopped is not null, $"The DevHost was still running {Promised.TotalSeconds + 5} s after Ctrl+C:{Environment.NewLine}{host.Output}");
        output.WriteLine($"{backend}: exit code {stopped.Value.ExitCode} {stopped.Value.Took.TotalSeconds:0.00} s after Ctrl+C");
        Assert.Equal(0, stopped.Value.ExitCode);
        Assert.True(stopped.Value.Took <= Promised + TimeSpan.FromSeconds(2), $"Stopped after {stopped.Value.Took.TotalSeconds:0.0} s:{Environment.NewLine}{host.Output}");
    }
}
