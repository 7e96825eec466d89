using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Tests.Alexa.Verification;

public class CertificateChainUrlTests
{
    [Theory]
    [InlineData("https://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem")]
    [InlineData("HTTPS://s3.AMAZONAWS.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/./echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/other/../echo.api/echo-api-cert.pem")]
    public void TryNormalise_AlexaUrl_IsAcceptedInCanonicalForm(string url)
    {
        var accepted = CertificateChainUrl.TryNormalise(url, out var normalised, out var reason);

        Assert.True(accepted, reason);
        Assert.Null(reason);
        Assert.Equal("https://s3.amazonaws.com/echo.api/echo-api-cert.pem", normalised!.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://notamazon.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem")]
    // Escaped dot segments and slashes: System.Uri would resolve some of these to another folder.
    [InlineData("https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/%2e%2e/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/..%2finvalid.path/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/%65cho.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api\\..\\invalid.path\\echo-api-cert.pem")]
    // Another host behind userinfo, or userinfo at all.
    [InlineData("https://evil@s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com@evil.example/echo.api/echo-api-cert.pem")]
    [InlineData("https://@s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    // Query and fragment would let one file be fetched under endless cache keys.
    [InlineData("https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1")]
    [InlineData("https://s3.amazonaws.com/echo.api/echo-api-cert.pem#x")]
    [InlineData("https://s3.amazonaws.com./echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api")]
    [InlineData("https://s3.amazonaws.com//echo.api/echo-api-cert.pem")]
    [InlineData("https://s3.amazonaws.com/echo.api/echo api.pem")]
    [InlineData(" https://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("/echo.api/echo-api-cert.pem")]
    [InlineData("s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalise_OtherUrl_IsRejectedWithReason(string? url)
    {
        var accepted = CertificateChainUrl.TryNormalise(url, out var normalised, out var reason);

        Assert.False(accepted);
        Assert.Null(normalised);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void TryNormalise_DefaultAndExplicitPort_GiveTheSameCacheKey()
    {
        CertificateChainUrl.TryNormalise("https://s3.amazonaws.com/echo.api/a.pem", out var plain, out _);
        CertificateChainUrl.TryNormalise("HTTPS://S3.amazonaws.com:443/echo.api/x/../a.pem", out var dressed, out _);

        Assert.Equal(plain!.AbsoluteUri, dressed!.AbsoluteUri);
    }
}
