using System.Collections.Concurrent;

namespace RideHailer.Tests.Support;

/// <summary>
/// Amazon's regional Alexa API hosts (<c>api.eu.amazonalexa.com</c>, <c>api.fe.amazonalexa.com</c>) played by the
/// local Alexa API: the skill's HTTP client sends to the host a request's <c>apiEndpoint</c> names; this handler notes
/// that host in <paramref name="calledHosts"/> and hands the request, path and headers unchanged, to the local API.
/// </summary>
internal sealed class RegionalAlexaApi(Uri local, ConcurrentQueue<string> calledHosts) : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        calledHosts.Enqueue(request.RequestUri!.GetLeftPart(UriPartial.Authority));
        request.RequestUri = new Uri(local, request.RequestUri.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
