using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

public sealed class CoordinateTests
{
    [Theory]
    [InlineData("1e400", "0")]
    [InlineData("-1e400", "0")]
    [InlineData("0", "1e400")]
    [InlineData("0", "-1e400")]
    [InlineData("91", "0")]
    [InlineData("-90.0001", "0")]
    [InlineData("0", "180.5")]
    [InlineData("0", "-181")]
    [InlineData("1e308", "1e308")]
    public void CoordinateThatIsNotOnEarth_ParsesAsUnusable(string latitude, string longitude)
    {
        var coordinate = ParseCoordinate($$"""{"latitudeInDegrees":{{latitude}},"longitudeInDegrees":{{longitude}},"accuracyInMeters":10}""");

        Assert.False(coordinate.IsUsable);
    }

    [Theory]
    [InlineData("47.6205", "-122.3493")]
    [InlineData("90", "180")]
    [InlineData("-90", "-180")]
    [InlineData("0", "0")]
    [InlineData("1e-400", "-0")]
    public void CoordinateOnEarth_IsUsable(string latitude, string longitude)
    {
        var coordinate = ParseCoordinate($$"""{"latitudeInDegrees":{{latitude}},"longitudeInDegrees":{{longitude}}}""");

        Assert.True(coordinate.IsUsable);
    }

    [Fact]
    public void InfiniteAccuracy_ParsesAndLeavesThePositionUsable()
    {
        var coordinate = ParseCoordinate("""{"latitudeInDegrees":47.6,"longitudeInDegrees":-122.3,"accuracyInMeters":1e400}""");

        Assert.True(coordinate.IsUsable);
    }

    [Theory]
    [InlineData("\"47.6\"")]
    [InlineData("null")]
    [InlineData("{}")]
    public void CoordinateThatIsNotANumber_IsMalformed(string latitude)
    {
        var body = Envelope($$"""{"latitudeInDegrees":{{latitude}},"longitudeInDegrees":0}""");

        Assert.False(AlexaRequestParser.TryParse(body, out _, out var reason));
        Assert.StartsWith("malformed JSON", reason, StringComparison.Ordinal);
    }

    private static Coordinate ParseCoordinate(string coordinate)
    {
        Assert.True(AlexaRequestParser.TryParse(Envelope(coordinate), out var request, out var reason), reason);
        return request.Envelope.Context!.Geolocation!.Coordinate!;
    }

    private static byte[] Envelope(string coordinate)
    {
        var envelope = AlexaRequests.Envelope(AlexaRequests.Launch());
        envelope["context"]!["Geolocation"] = new JsonObject
        {
            ["locationServices"] = new JsonObject { ["access"] = "ENABLED", ["status"] = "RUNNING" },
            ["timestamp"] = "2026-11-25T12:00:00Z",
            ["coordinate"] = "__coordinate__",
        };
        return envelope.Splice("__coordinate__", coordinate);
    }
}
