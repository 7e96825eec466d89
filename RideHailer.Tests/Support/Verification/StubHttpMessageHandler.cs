namespace RideHailer.Tests.Support.Verification;

/// <summary>Answers every request with the given function and counts requests.</summary>
internal sealed class StubHttpMessageHandler(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    : HttpMessageHandler
{
    private int _requests;

    public int Requests => _requests;

    public static StubHttpMessageHandler Serving(string pem) =>
        new((_, _) => Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(pem) }));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return respond(request, cancellationToken);
    }
}
