using Microsoft.AspNetCore.Http;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;

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
