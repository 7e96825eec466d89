using System.Net;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Verification;

public class HttpCertificateChainSourceTests
{
    private static readonly Uri ChainUrl = new(TestPki.ChainUrl);

    [Fact]
    public async Task GetAsync_Pem_LoadsEveryCertificateInOrder()
    {
        var handler = StubHttpMessageHandler.Serving(TestPki.Pem(TestPki.Leaf, TestPki.Intermediate, TestPki.Root));

        var chain = await Source(handler).GetAsync(ChainUrl, default);

        Assert.Equal(
            [TestPki.Leaf.Thumbprint, TestPki.Intermediate.Thumbprint, TestPki.Root.Thumbprint],
            chain.Select(c => c.Thumbprint));
        Assert.Equal(1, handler.Requests);
    }

    [Fact]
    public async Task GetAsync_RequestsTheGivenUrl()
    {
        Uri? requested = null;
        var handler = new StubHttpMessageHandler((request, _) =>
        {
            requested = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(TestPki.Pem(TestPki.Leaf)) });
        });

        await Source(handler).GetAsync(ChainUrl, default);

        Assert.Equal(ChainUrl, requested);
    }

    [Fact]
    public async Task GetAsync_PemAtTheSizeLimit_IsRead()
    {
        var pem = TestPki.Pem(TestPki.Leaf, TestPki.Intermediate);
        var padded = pem + new string('\n', HttpCertificateChainSource.MaxResponseBytes - pem.Length);

        var chain = await Source(StubHttpMessageHandler.Serving(padded)).GetAsync(ChainUrl, default);

        Assert.Equal(2, chain.Count);
    }

    [Fact]
    public async Task GetAsync_DeclaredLengthOverLimit_IsUnavailable()
    {
        var handler = Respond(() => new ByteArrayContent(new byte[HttpCertificateChainSource.MaxResponseBytes + 1]));

        var ex = await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => Source(handler).GetAsync(ChainUrl, default));

        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_UndeclaredLengthOverLimit_IsUnavailable()
    {
        var pem = TestPki.Pem(TestPki.Leaf, TestPki.Intermediate);
        var oversized = pem + new string('\n', HttpCertificateChainSource.MaxResponseBytes);
        var handler = Respond(() => new UnknownLengthContent(System.Text.Encoding.ASCII.GetBytes(oversized)));

        var ex = await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => Source(handler).GetAsync(ChainUrl, default));

        Assert.Contains("too large", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ServerTooSlow_TimesOutAsUnavailable()
    {
        var handler = new StubHttpMessageHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) };

        var ex = await Assert.ThrowsAsync<CertificateChainUnavailableException>(
            () => new HttpCertificateChainSource(client).GetAsync(ChainUrl, default));

        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CallerCancels_PropagatesCancellation()
    {
        var handler = new StubHttpMessageHandler(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        });
        using var cancel = new CancellationTokenSource();
        var download = Source(handler).GetAsync(ChainUrl, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.NoContent)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task GetAsync_StatusOtherThanOk_IsUnavailable(HttpStatusCode status)
    {
        var handler = new StubHttpMessageHandler((_, _) => Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent(TestPki.Pem(TestPki.Leaf)),
        }));

        var ex = await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => Source(handler).GetAsync(ChainUrl, default));

        Assert.Contains($"HTTP {(int)status}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ConnectionFails_IsUnavailable()
    {
        var handler = new StubHttpMessageHandler((_, _) => throw new HttpRequestException("connection refused"));

        await Assert.ThrowsAsync<CertificateChainUnavailableException>(() => Source(handler).GetAsync(ChainUrl, default));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>Access Denied</html>")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")]
    public async Task GetAsync_NoReadableCertificate_IsUnavailable(string body)
    {
        await Assert.ThrowsAsync<CertificateChainUnavailableException>(
            () => Source(StubHttpMessageHandler.Serving(body)).GetAsync(ChainUrl, default));
    }

    private static HttpCertificateChainSource Source(HttpMessageHandler handler) =>
        new(new HttpClient(handler) { Timeout = HttpCertificateChainSource.Timeout });

    private static StubHttpMessageHandler Respond(Func<HttpContent> content) =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content() }));

    /// <summary>A body sent without Content-Length, as with chunked transfer.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
