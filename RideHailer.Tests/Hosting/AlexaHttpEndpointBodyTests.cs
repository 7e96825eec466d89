using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

public sealed class AlexaHttpEndpointBodyTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(AlexaRequestVerifier.MaxBodyBytes, false)]
    [InlineData(AlexaRequestVerifier.MaxBodyBytes + 1, true)]
    [InlineData(10 * AlexaRequestVerifier.MaxBodyBytes, true)]
    public async Task ReadBody_CutsALongerBodyOneBytePastTheLimit(int length, bool declared)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(new byte[length]);
        context.Request.ContentLength = declared ? length : null;

        var body = await AlexaHttpEndpoint.ReadBodyAsync(context.Request, default);

        Assert.Equal(Math.Min(length, AlexaRequestVerifier.MaxBodyBytes + 1), body.Length);
    }
}

/// <summary>
/// A body over the limit is refused the same way whether its length was declared up front or not (sent chunked, so
/// the endpoint learns it only by reading): both get the 400 that names the limit, and neither is read to its end.
/// </summary>
public sealed class OversizedBodyTests : IAsyncDisposable
{
    private const int OverTheLimit = 2 * AlexaRequestVerifier.MaxBodyBytes;

    private readonly RideHailerApp _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BodyOverTheLimit_DeclaredOrChunked_IsRefusedWithTheSameReason(bool declared)
    {
        var body = new byte[OverTheLimit];
        Array.Fill(body, (byte)' ');
        using HttpContent content = declared ? new ByteArrayContent(body) : new UndeclaredLengthContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(declared, content.Headers.ContentLength is not null);
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/alexa") { Content = content };
        request.Headers.TransferEncodingChunked = !declared;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the body is larger than 128 KiB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Content whose length is not known before it is sent, as with Transfer-Encoding: chunked.</summary>
    private sealed class UndeclaredLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
