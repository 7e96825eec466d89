namespace RideHailer.Tests.Support.WebConsole;

/// <summary>One console host for a test class: each test starts its own run (its own rider and household) on it.</summary>
public sealed class ConsoleHostFixture : IAsyncLifetime
{
    private ConsoleHost? _host;

    internal ConsoleHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await ConsoleHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
