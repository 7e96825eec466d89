using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Bench.Micro;

/// <summary>
/// AlexaSignatureVerifier as the skill registers it (URL rules, the caching chain source, chain validation
/// to a root, RSA-SHA256 over the body), with the chain already in the cache: the cost every request pays.
/// </summary>
[MemoryDiagnoser]
public class VerificationBenchmark
{
    private SigningChain _chain = null!;
    private ServiceProvider _services = null!;
    private AlexaSignatureVerifier _verifier = null!;
    private byte[] _body = null!;
    private string _signature = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _chain = SigningChain.Create(DateTimeOffset.UtcNow);
        var pem = _chain.ChainPem;
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddAlexaSignatureVerification();
        services.Configure<AlexaCertificateTrustOptions>(trust => trust.CustomRoots.Add(_chain.Root));
        // The typed client of the (internal) HttpCertificateChainSource, answered in process: the first
        // verification fills the cache, the benchmark then never downloads.
        services.AddHttpClient("HttpCertificateChainSource").ConfigurePrimaryHttpMessageHandler(() => new PemHandler(pem));
        _services = services.BuildServiceProvider();
        _verifier = _services.GetRequiredService<AlexaSignatureVerifier>();
        _body = RequestBodies.ConsentResume("consent.0123456789abcdef0123456789abcdef");
        _signature = _chain.Sign(_body);
        var check = await _verifier.VerifyAsync(_body, SigningChain.ChainUrl, _signature, CancellationToken.None);
        if (!check.IsValid)
        {
            throw new InvalidOperationException("the benchmark request does not verify: " + check.FailureReason);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _chain.Dispose();
    }

    /// <summary>Body size, reported with the results.</summary>
    [Params(2)]
    public int BodyKiB { get; set; }

    [Benchmark]
    public async Task<bool> VerifyWarmCache() =>
        (await _verifier.VerifyAsync(_body, SigningChain.ChainUrl, _signature, CancellationToken.None)).IsValid;

    private sealed class PemHandler(string pem) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem) });
    }
}
