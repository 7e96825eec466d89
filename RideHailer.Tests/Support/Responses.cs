using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support;

/// <summary>Reads and checks the parts of Alexa responses the whole-session tests look at.</summary>
internal static class Responses
{
    public static string Speech(JsonNode response) =>
        (string?)response["response"]!["outputSpeech"]!["text"] ?? (string?)response["response"]!["outputSpeech"]!["ssml"] ?? "";

    public static void AssertStartConnection(JsonNode response, string uri)
    {
        var body = response["response"]!.AsObject();
        Assert.False(body.ContainsKey("shouldEndSession"), "a StartConnection response must leave shouldEndSession out");
        var directive = Assert.Single(body["directives"]!.AsArray())!;
        Assert.Equal("Connections.StartConnection", (string?)directive["type"]);
        Assert.Equal(uri, (string?)directive["uri"]);
        Assert.False(string.IsNullOrEmpty((string?)directive["token"]));
    }

    /// <summary>Not linked: the LinkAccount card, no directive, and the session ends.</summary>
    public static void AssertLinkAccountCard(JsonNode response)
    {
        var body = response["response"]!;
        Assert.Equal("LinkAccount", (string?)body["card"]?["type"]);
        Assert.Null(body["directives"]);
        Assert.True((bool?)body["shouldEndSession"], "a LinkAccount answer ends the session");
    }

    public static void AssertPermissionsCard(JsonNode response, params string[] scopes)
    {
        var card = response["response"]!["card"]!;
        Assert.Equal("AskForPermissionsConsent", (string?)card["type"]);
        Assert.Equal(scopes.Order(), card["permissions"]!.AsArray().Select(scope => (string)scope!).Order());
    }
}
