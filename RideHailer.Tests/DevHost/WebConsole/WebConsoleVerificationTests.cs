using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Skill.Alexa.Verification;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>With <c>Alexa:VerifySignatures</c> on, the console's requests pass the real verifier, and a rejection is shown with its reason.</summary>
public sealed class WebConsoleVerificationTests
{
    private static readonly Dictionary<string, string?> Verified = new() { ["Alexa:VerifySignatures"] = "true" };

    [Fact]
    public async Task SignaturesVerified_TheConsolesRequestsPassTheVerifier()
    {
        await using var host = await ConsoleHost.StartAsync(Verified);
        var run = await host.StartRunAsync();

        var turn = await host.SayAsync(run, "open ride hailer");

        Assert.Null(turn["error"]);
        Assert.Equal(200, (int)turn["exchanges"]![0]!["status"]!);
    }

    [Fact]
    public async Task SkillAnswers400_TheTurnShowsTheReason()
    {
        // The host fetches no chain it trusts: every signature check fails, as with a forged request.
        await using var host = await ConsoleHost.StartAsync(Verified, services => services.AddSingleton<ICertificateChainSource>(new NoChain()));
        var run = await host.StartRunAsync();

        var turn = await host.SayAsync(run, "open ride hailer");

        var exchange = turn["exchanges"]![0]!;
        Assert.Equal(400, (int)exchange["status"]!);
        Assert.StartsWith("The skill answered HTTP 400: ", (string?)turn["error"], StringComparison.Ordinal);
        Assert.Contains(turn["transcript"]!.AsArray(), entry => (string?)entry!["kind"] == "error");
        Assert.False((bool)turn["sessionOpen"]!);
    }

    private sealed class NoChain : ICertificateChainSource
    {
        public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct) =>
            throw new CertificateChainUnavailableException("no chain in this test");
    }
}
