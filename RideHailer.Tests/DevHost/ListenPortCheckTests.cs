using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using RideHailer.DevHost;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.DevHost;

/// <summary>The DevHost told to listen on a port another process holds: one line with the fix, exit code 2.</summary>
public sealed class ListenPortCheckTests : IDisposable
{
    private readonly TcpListener _otherProcess = new(IPAddress.Loopback, 0);

    public ListenPortCheckTests() => _otherProcess.Start();

    private int TakenPort => ((IPEndPoint)_otherProcess.LocalEndpoint).Port;

    public void Dispose() => _otherProcess.Dispose();

    [Fact]
    public async Task DevHost_OnATakenPort_PrintsOneLineWithTheFixAndExitsWith2()
    {
        var (exitCode, output, error) = await DevHostCommand.RunAsync("Development", "", "--urls", $"http://localhost:{TakenPort}");

        Assert.True(exitCode == 2, $"exit code {exitCode}; stdout:{Environment.NewLine}{output}{Environment.NewLine}stderr:{Environment.NewLine}{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches($"^port {TakenPort} is in use; pass --urls http://localhost:[0-9]+$", line);
        Assert.DoesNotContain("Exception", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Alexa endpoint:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:{0}")]
    [InlineData("http://127.0.0.1:{0}")]
    [InlineData("http://*:{0}")]
    [InlineData("http://localhost:1;http://localhost:{0}")]
    public void FirstPortInUse_FindsTheTakenPortHoweverTheUrlNamesIt(string urls)
    {
        var configuration = Configuration(("urls", string.Format(System.Globalization.CultureInfo.InvariantCulture, urls, TakenPort)));

        Assert.Equal(TakenPort, ListenPortCheck.FirstPortInUse(configuration));
    }

    [Fact]
    public void FirstPortInUse_IsNullForAFreePortAndForEndpointsKestrelConfiguresItself()
    {
        var port = TakenPort;
        _otherProcess.Stop();

        Assert.Null(ListenPortCheck.FirstPortInUse(Configuration(("urls", $"http://localhost:{port}"))));
        Assert.Null(ListenPortCheck.FirstPortInUse(Configuration(("urls", "http://localhost:0"))));
        using var taken = new TcpListener(IPAddress.Loopback, port);
        taken.Start();
        Assert.Null(ListenPortCheck.FirstPortInUse(Configuration(
            ("urls", $"http://localhost:{port}"), ("Kestrel:Endpoints:Http:Url", $"http://localhost:{port}"))));
    }

    [Fact]
    public void PortInUseMessage_OffersAnotherPortThanTheTakenOne()
    {
        Assert.Matches("^port 5000 is in use; pass --urls http://localhost:[0-9]+$", ListenPortCheck.PortInUseMessage(5000));
        Assert.DoesNotContain("localhost:5000", ListenPortCheck.PortInUseMessage(5000), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
