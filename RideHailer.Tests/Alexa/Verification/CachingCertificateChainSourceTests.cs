using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

public class CachingCertificateChainSourceTests
{
    private static readonly Uri ChainUrl = new(TestPki.ChainUrl);

    private readonly FakeTimeProvider _time = new(TestPki.Now);

    [Fact]
    public async Task GetAsync_SameUrlTwice_DownloadsOnce()
    {
        var inner = new FakeCertificateChainSource().Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var cache = new CachingCertificateChainSource(inner, _time);

        var first = await cache.GetAsync(ChainUrl, default);
        var second = await cache.GetAsync(ChainUrl, default);

        Assert.Same(first, second);
        Assert.Equal(1, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_DifferentUrls_AreCachedApart()
    {
        const string otherUrl = "https://s3.amazonaws.com/echo.api/other.pem";
        var inner = new FakeCertificateChainSource()
            .Serve(TestPki.ChainUrl, TestPki.GoodChain())
            .Serve(otherUrl, TestPki.Chain(TestPki.Leaf));
        var cache = new CachingCertificateChainSource(inner, _time);

        var first = await cache.GetAsync(ChainUrl, default);
        var other = await cache.GetAsync(new Uri(otherUrl), default);

        Assert.Equal(2, first.Count);
        Assert.Single(other);
        Assert.Equal(2, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_ConcurrentFirstRequests_ShareOneDownload()
    {
        var inner = new GatedSource();
        var cache = new CachingCertificateChainSource(inner, _time);

        var callers = Enumerable.Range(0, 8).Select(_ => cache.GetAsync(ChainUrl, default)).ToArray();
        inner.Release(TestPki.GoodChain());
        var chains = await Task.WhenAll(callers);

        Assert.Equal(1, inner.Requests);
        Assert.All(chains, c => Assert.Same(chains[0], c));
    }

    [Fact]
    public async Task GetAsync_OneCallerCancels_OthersStillGetTheSharedDownload()
    {
        var inner = new GatedSource();
        var cache = new CachingCertificateChainSource(inner, _time);
        using var cancel = new CancellationTokenSource();

        var impatient = cache.GetAsync(ChainUrl, cancel.Token);
        var patient = cache.GetAsync(ChainUrl, default);
        await cancel.CancelAsync();
        inner.Release(TestPki.GoodChain());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        Assert.Equal(2, (await patient).Count);
        Assert.Equal(1, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_BeforeEarliestExpiry_ServesCache_AfterIt_DownloadsAgain()
    {
        var inner = new FakeCertificateChainSource().Serve(TestPki.ChainUrl, TestPki.GoodChain());
        var cache = new CachingCertificateChainSource(inner, _time);
        var leafExpiry = new DateTimeOffset(TestPki.Leaf.NotAfter.ToUniversalTime());

        await cache.GetAsync(ChainUrl, default);
        _time.SetUtcNow(leafExpiry.AddSeconds(-1));
        await cache.GetAsync(ChainUrl, default);
        var requestsBeforeExpiry = inner.Requests;
        _time.SetUtcNow(leafExpiry);
        await cache.GetAsync(ChainUrl, default);

        Assert.Equal(1, requestsBeforeExpiry);
        Assert.Equal(2, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_ChainAlreadyExpired_IsKeptForTheRetentionPeriod()
    {
        var expired = TestPki.CreateLeaf(notBefore: TestPki.Now.AddDays(-60), notAfter: TestPki.Now.AddDays(-1));
        var inner = new FakeCertificateChainSource().Serve(TestPki.ChainUrl, TestPki.Chain(expired, TestPki.Intermediate));
        var cache = new CachingCertificateChainSource(inner, _time);

        await cache.GetAsync(ChainUrl, default);
        _time.Advance(CachingCertificateChainSource.ExpiredChainRetention - TimeSpan.FromSeconds(1));
        await cache.GetAsync(ChainUrl, default);
        var requestsWithinRetention = inner.Requests;
        _time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(ChainUrl, default);

        Assert.Equal(1, requestsWithinRetention);
        Assert.Equal(2, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_FailedDownload_IsRememberedForAMinuteThenTriedAgain()
    {
        var inner = new FakeCertificateChainSource();
        var cache = new CachingCertificateChainSource(inner, _time);

        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => cache.GetAsync(ChainUrl, default));
        inner.Serve(TestPki.ChainUrl, TestPki.GoodChain());
        _time.Advance(CachingCertificateChainSource.FailedChainRetention - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => cache.GetAsync(ChainUrl, default));
        var requestsWithinRetention = inner.Requests;
        _time.Advance(TimeSpan.FromSeconds(2));
        var chain = await cache.GetAsync(ChainUrl, default);

        Assert.Equal(1, requestsWithinRetention);
        Assert.Equal(2, chain.Count);
        Assert.Equal(2, inner.Requests);
    }

    [Fact]
    public async Task GetAsync_SharedDownloadFails_EveryWaitingCallerSeesTheFailure()
    {
        var inner = new GatedSource();
        var cache = new CachingCertificateChainSource(inner, _time);

        var first = cache.GetAsync(ChainUrl, default);
        var second = cache.GetAsync(ChainUrl, default);
        inner.Fail(new CertificateChainUnavailableException("down"));

        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => first);
        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => second);
        Assert.Equal(1, inner.Requests);
    }

    /// <summary>Holds every download open until the test releases or fails it.</summary>
    private sealed class GatedSource : ICertificateChainSource
    {
        private readonly TaskCompletionSource<X509Certificate2Collection> _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public int Requests => _requests;

        public void Release(X509Certificate2Collection chain) => _gate.SetResult(chain);

        public void Fail(Exception exception) => _gate.SetException(exception);

        public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
        {
            Interlocked.Increment(ref _requests);
            return _gate.Task;
        }
    }
}
