using RideHailer.Domain;

namespace RideHailer.Tests.Domain;

public sealed class ConnectionTokenTests
{
    [Theory]
    [InlineData(ConnectionKind.Consent, "abc", "consent.abc")]
    [InlineData(ConnectionKind.Pin, "abc", "pin.abc")]
    [InlineData(ConnectionKind.Pin, "a.b-c", "pin.a.b-c")]
    public void Format_PrefixesTheKindAndParsesBack(ConnectionKind kind, string nonce, string wire)
    {
        var token = new ConnectionToken(kind, nonce);

        Assert.Equal(wire, token.Format());
        Assert.Equal(wire, token.ToString());
        Assert.True(ConnectionToken.TryParse(wire, out var parsed));
        Assert.Equal(token, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("consent.")]
    [InlineData("pin.")]
    [InlineData("pin")]
    [InlineData("CONSENT.abc")]
    [InlineData("verify.abc")]
    [InlineData("some connection token data")]
    public void TryParse_AnythingElse_IsFalse(string? text)
    {
        Assert.False(ConnectionToken.TryParse(text, out var token));
        Assert.Null(token);
    }

    [Fact]
    public void Matches_OnlyTheExactWireForm()
    {
        var token = new ConnectionToken(ConnectionKind.Pin, "n1");

        Assert.True(token.Matches("pin.n1"));
        Assert.False(token.Matches("consent.n1"));
        Assert.False(token.Matches("pin.N1"));
        Assert.False(token.Matches(null));
    }
}
