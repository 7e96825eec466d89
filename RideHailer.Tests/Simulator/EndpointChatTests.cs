using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// <c>chat --endpoint URL</c> as a developer runs it: the built DevHost in its own process drives a skill it did not
/// start, here a second DevHost in this process on a real loopback port (Development, the chat's Alexa APIs allowed),
/// or an endpoint that refuses, rejects or never answers. Piped, the simulator's notes are on standard error.
/// </summary>
public sealed class EndpointChatTests
{
    private const string Ride = "open ride hailer\nthe space needle\nyes\n";

    [Fact]
    public async Task AgainstASecondDevHost_BooksTheRideThere()
    {
        var (skillPort, apiPort) = Ports();
        await using var target = StartTarget(skillPort, apiPort);

        var (exitCode, output, error) = await DevHostCommand.RunAsync(
            "Development", Ride, "chat", "--endpoint", Endpoint(skillPort), "--api-port", $"{apiPort}", "--consent", "accepted", "--pin", "achieved");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}{Environment.NewLine}stdout:{Environment.NewLine}{output}");
        Assert.Contains($"Alexa APIs at http://127.0.0.1:{apiPort}", error, StringComparison.Ordinal);
        Assert.Contains("bookings and sessions are the target's own", error, StringComparison.Ordinal);
        Assert.Contains("Alexa: Thank you. A ride to the Space Needle from your current location will cost ", output, StringComparison.Ordinal);
        Assert.Contains("Alexa: Great. Your driver will arrive in ", output, StringComparison.Ordinal);
        var booking = Assert.Single(((InProcessBookingStore)target.Services.GetRequiredService<IBookingStore>()).All);
        Assert.Equal("space-needle", booking.Quote.Destination.Id);
        Assert.Equal("Jane", booking.Passenger.GivenName);
    }

    [Fact]
    public async Task TargetAnswering400_ShowsTheStatusAndTheReasonAndExitsOne()
    {
        var (skillPort, apiPort) = Ports();
        await using var target = StartTarget(skillPort, apiPort);

        var (exitCode, output, error) = await DevHostCommand.RunAsync(
            "Development", Ride, "chat", "--endpoint", Endpoint(skillPort), "--skill-id", "amzn1.ask.skill.someone-else");

        Assert.Equal(1, exitCode);
        Assert.Contains("[simulator] the skill answered HTTP 400: {\"error\":", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
        Assert.Empty(((InProcessBookingStore)target.Services.GetRequiredService<IBookingStore>()).All);
    }

    [Fact]
    public async Task RefusedConnection_SaysSoOnceAndExitsOne()
    {
        var (closedPort, _) = Ports();

        var (exitCode, output, error) = await DevHostCommand.RunAsync("Development", Ride, "chat", "--endpoint", Endpoint(closedPort));

        Assert.Equal(1, exitCode);
        Assert.Contains($"[simulator] could not reach the skill at {Endpoint(closedPort)}: Connection refused", error, StringComparison.Ordinal);
        // Piped, the script stops at the first request that could not be sent.
        Assert.DoesNotContain("You: the space needle", output, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    [Fact]
    public async Task SilentEndpoint_TimesOutWithALineAndExitsOne()
    {
        // Accepts the connection and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/api/alexa";

        var (exitCode, output, error) = await DevHostCommand.RunAsync("Development", Ride, "chat", "--endpoint", endpoint, "--timeout", "1");

        Assert.Equal(1, exitCode);
        Assert.Contains($"[simulator] the skill at {endpoint} did not answer within 1 seconds", error, StringComparison.Ordinal);
        AssertNoStackTrace(output, error);
    }

    /// <summary>The second DevHost: Kestrel on <paramref name="skillPort"/>, the chat's Alexa APIs allowed, signatures not checked (Development).</summary>
    private static RideHailerApp StartTarget(int skillPort, int apiPort)
    {
        var target = new RideHailerApp(new Dictionary<string, string?>
        {
            ["Alexa:AllowedApiEndpoints:0"] = $"http://127.0.0.1:{apiPort}",
        });
        target.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, skillPort));
        target.StartServer();
        return target;
    }

    private static (int First, int Second) Ports() => AzuriteFixture.FreeLoopbackPorts(2) is [var first, var second] ? (first, second) : throw new InvalidOperationException();

    private static string Endpoint(int port) => $"http://127.0.0.1:{port}/api/alexa";

    private static void AssertNoStackTrace(string output, string error)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}
