using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

public class AlexaSignatureVerificationRegistrationTests
{
    private static readonly byte[] RequestBody = TestPki.Body("""{"version":"1.0","request":{"type":"LaunchRequest"}}""");

    [Fact]
    public async Task Registered_Verifier_DownloadsOnceAndVerifiesEveryRequest()
    {
        var handler = StubHttpMessageHandler.Serving(TestPki.Pem(TestPki.Leaf, TestPki.Intermediate));
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestPki.Now));
        services.AddAlexaSignatureVerification();
        services.Configure<AlexaCertificateTrustOptions>(o => o.CustomRoots.Add(TestPki.Root));
        services.AddHttpClient<HttpCertificateChainSource>().ConfigurePrimaryHttpMessageHandler(() => handler);
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var verifier = provider.GetRequiredService<AlexaSignatureVerifier>();
        var signature = TestPki.Sign(RequestBody);
        var first = await verifier.VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);
        var second = await provider.GetRequiredService<AlexaSignatureVerifier>()
            .VerifyAsync(RequestBody, TestPki.ChainUrl, signature, default);
        var tampered = await verifier.VerifyAsync(TestPki.Body("{}"), TestPki.ChainUrl, signature, default);

        Assert.True(first.IsValid, first.FailureReason);
        Assert.True(second.IsValid, second.FailureReason);
        Assert.False(tampered.IsValid);
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task Registered_WithoutTimeProvider_UsesTheSystemClockAndSystemTrust()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAlexaSignatureVerification();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Empty(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlexaCertificateTrustOptions>>().Value.CustomRoots);
        Assert.IsType<CachingCertificateChainSource>(provider.GetRequiredService<ICertificateChainSource>());
    }

    [Fact]
    public async Task Registered_HttpClient_DoesNotFollowRedirects()
    {
        var requestedPaths = new List<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var server = builder.Build();
        server.Use((HttpContext context, RequestDelegate next) =>
        {
            lock (requestedPaths)
            {
                requestedPaths.Add(context.Request.Path);
            }

            return next(context);
        });
        server.MapGet("/echo.api/moved.pem", () => Results.Redirect("/elsewhere/chain.pem"));
        server.MapGet("/elsewhere/chain.pem", () => Results.Text(TestPki.Pem(TestPki.Leaf, TestPki.Intermediate)));
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

        var services = new ServiceCollection().AddLogging();
        services.AddAlexaSignatureVerification();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var source = provider.GetRequiredService<HttpCertificateChainSource>();

        var ex = await Assert.ThrowsAsync<CertificateChainUnavailableException>(
            () => source.GetAsync(new Uri($"{address}/echo.api/moved.pem"), default));

        Assert.Contains("HTTP 302", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["/echo.api/moved.pem"], requestedPaths);
        await server.StopAsync();
    }
}
