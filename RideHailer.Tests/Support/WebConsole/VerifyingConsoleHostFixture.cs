namespace RideHailer.Tests.Support.WebConsole;

/// <summary>One console host for a test class whose every request to the skill is checked: <c>Alexa:VerifySignatures</c> true.</summary>
public sealed class VerifyingConsoleHostFixture : IAsyncLifetime
{
    private ConsoleHost? _host;

    internal ConsoleHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() =>
        _host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["Alexa:VerifySignatures"] = "true" });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
