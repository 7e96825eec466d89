using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.DevHost.WebConsole;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support.WebConsole;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>
/// The console stays on this machine: its page and API answer only loopback host names with no proxy in between, the
/// API only calls carrying this start's secret as JSON, and the kit's signing chain is trusted only for the console's
/// own requests, never for what arrives from the network (security review, issue #32).
/// </summary>
public sealed class WebConsoleAccessTests : IAsyncLifetime
{
    private readonly AmazonChains _amazon = new();
    private ConsoleHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await ConsoleHost.StartAsync(
            new Dictionary<string, string?> { ["Alexa:VerifySignatures"] = "true" },
            services => services.AddSingleton<ICertificateChainSource>(_amazon));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("abc-7071.usw2.devtunnels.ms", null)]
    [InlineData("rebound.attacker.example:7071", null)]
    [InlineData("localhost", "X-Forwarded-Host")]
    [InlineData("localhost", "X-Forwarded-For")]
    public async Task StartRun_NotAddressedToThisMachine_Is403(string host, string? forwardingHeader)
    {
        using var request = ApiPost("console/api/runs", "{}", "application/json");
        request.Headers.Host = host;
        if (forwardingHeader is not null)
        {
            request.Headers.Add(forwardingHeader, "203.0.113.7");
        }

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("answers only on this machine", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ThroughATunnelsHostName_Is403AndLeaksNoSecret()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "console/");
        request.Headers.Host = "abc-7071.usw2.devtunnels.ms";

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task Page_OnALoopbackName_CarriesThisStartsSecretAndIsNotCached(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "console/");
        request.Headers.Host = $"{name}:{_host.Address.Port}";

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<meta name=\"console-secret\" content=\"{Secret}\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-this-starts-secret")]
    public async Task StartRun_WithoutThisStartsSecret_Is403(string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "console/api/runs") { Content = Json("{}") };
        if (secret is not null)
        {
            request.Headers.Add(ConsoleSecret.HeaderName, secret);
        }

        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task StartRun_WithoutAJsonContentType_Is415(string? contentType)
    {
        using var request = ApiPost("console/api/runs", "", contentType);

        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task ConsolesOwnRequest_IsVerifiedAgainstTheKitsChain()
    {
        var run = await _host.StartRunAsync();

        var turn = await _host.SayAsync(run, "open ride hailer");

        Assert.Equal(200, (int)turn["exchanges"]![0]!["status"]!);
        Assert.Empty(_amazon.Asked);
    }

    [Fact]
    public async Task KitSignedRequest_FromTheNetwork_IsVerifiedAgainstAmazonsChainAlone()
    {
        using var request = KitSignedLaunch();

        using var network = new HttpClient { BaseAddress = _host.Address };
        using var response = await network.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([new Uri(SigningChain.ChainUrl)], _amazon.Asked);
    }

    [Fact]
    public async Task KitSignedRequest_WithTheSecretThroughATunnel_IsVerifiedAgainstAmazonsChainAlone()
    {
        using var request = KitSignedLaunch();
        request.Headers.Add(ConsoleSecret.HeaderName, Secret);
        request.Headers.Host = "abc-7071.usw2.devtunnels.ms";

        using var network = new HttpClient { BaseAddress = _host.Address };
        using var response = await network.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([new Uri(SigningChain.ChainUrl)], _amazon.Asked);
    }

    private string Secret => _host.Services.GetRequiredService<ConsoleSecret>().Value;

    private static HttpRequestMessage ApiPost(string path, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>A launch signed with the kit's key, as anyone who had the console sign for them would send it.</summary>
    private HttpRequestMessage KitSignedLaunch()
    {
        var signer = _host.Services.GetRequiredService<WebConsoleKit>().Signer;
        var skillId = _host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.SkillId;
        var session = new SimulatedSession(new SimulatedRider(), skillId, new Uri("http://127.0.0.1:9"), new PermissionLedger());
        session.Open();
        var body = Encoding.UTF8.GetBytes(session.Launch().ToJsonString());
        var request = new HttpRequestMessage(HttpMethod.Post, "api/alexa") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(AlexaSignatureVerifier.SignatureCertChainUrlHeader, SigningChain.ChainUrl);
        request.Headers.Add(AlexaSignatureVerifier.Signature256Header, signer.Sign(body));
        return request;
    }

    /// <summary>Stands for the download from Amazon's bucket: records what was asked and has no chain.</summary>
    private sealed class AmazonChains : ICertificateChainSource
    {
        public List<Uri> Asked { get; } = [];

        public Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
        {
            lock (Asked)
            {
                Asked.Add(url);
            }

            throw new CertificateChainUnavailableException("no download in this test");
        }
    }
}
