using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Skill.Speech;

namespace RideHailer.Tests.Alexa;

public sealed class ResponseSerializationTests
{
    // The context's own options resolve through the context alone: a wire type missing from it would throw.
    private static readonly JsonSerializerOptions SourceGeneratedOnly = AlexaJsonContext.Default.Options;

    [Fact]
    public void PinDirective_MatchesTheSeedExactly()
    {
        var response = new ResponseEnvelope(new ResponseBody { Directives = [PinConnection.Start("pin.abc")] });

        var directive = Serialize(response)["response"]!["directives"]![0]!;

        AssertJsonEqual("""
            {
               "type": "Connections.StartConnection",
               "uri": "connection://AMAZON.VerifyPerson/2",
               "input": {
                  "requestedAuthenticationConfidenceLevel": {
                     "level": 400,
                     "customPolicy": { "policyName": "VOICE_PIN" }
                  }
               },
               "token": "pin.abc"
            }
            """, directive);
    }

    [Fact]
    public void ConsentDirective_HasTypeVersionAndScopesAsTheSeedDescribes()
    {
        var directive = ConsentConnection.Start(
            [
                new RequestedScope("alexa::profile:given_name:read", RequestedScope.PersonLevel),
                new RequestedScope("alexa::devices:all:geolocation:read", RequestedScope.AccountLevel),
            ],
            "consent.xyz");

        var json = Serialize(new ResponseEnvelope(new ResponseBody { Directives = [directive] }))["response"]!["directives"]![0]!;

        AssertJsonEqual("""
            {
              "type": "Connections.StartConnection",
              "uri": "connection://AMAZON.AskForPermissionsConsent/2",
              "input": {
                "@type": "AskForPermissionsConsentRequest",
                "@version": "2",
                "permissionScopes": [
                  { "permissionScope": "alexa::profile:given_name:read", "consentLevel": "PERSON" },
                  { "permissionScope": "alexa::devices:all:geolocation:read", "consentLevel": "ACCOUNT" }
                ]
              },
              "token": "consent.xyz"
            }
            """, json);
    }

    [Fact]
    public void ConsentDirective_WithoutScopes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ConsentConnection.Start([], "t"));
    }

    [Fact]
    public void StartConnectionResponse_LeavesShouldEndSessionOut()
    {
        var response = new ResponseEnvelope(new ResponseBody
        {
            OutputSpeech = new PlainTextSpeech("Ok."),
            Directives = [PinConnection.Start("pin.1")],
        });

        var body = Serialize(response)["response"]!.AsObject();

        Assert.False(body.ContainsKey("shouldEndSession"));
        Assert.False(body.ContainsKey("reprompt"));
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void ShouldEndSession_WhenSet_IsWrittenAsABoolean(bool value, string expected)
    {
        var body = Serialize(new ResponseEnvelope(new ResponseBody { ShouldEndSession = value }))["response"]!;

        Assert.Equal(expected, body["shouldEndSession"]!.ToJsonString());
    }

    [Fact]
    public void SpeechRepromptAndCards_SerializeWithTheirTypes()
    {
        var response = new ResponseEnvelope(new ResponseBody
        {
            OutputSpeech = new SsmlSpeech("<speak>Ok, <alexa:name type=\"first\" personId=\"p1\"/>.</speak>"),
            Reprompt = new Reprompt(new PlainTextSpeech("Where to?")),
            Card = new AskForPermissionsConsentCard(["alexa::profile:mobile_number:read"]),
            ShouldEndSession = true,
        });

        AssertJsonEqual("""
            {
              "version": "1.0",
              "response": {
                "outputSpeech": { "type": "SSML", "ssml": "<speak>Ok, <alexa:name type=\"first\" personId=\"p1\"/>.</speak>" },
                "card": { "type": "AskForPermissionsConsent", "permissions": [ "alexa::profile:mobile_number:read" ] },
                "reprompt": { "outputSpeech": { "type": "PlainText", "text": "Where to?" } },
                "shouldEndSession": true
              }
            }
            """, Serialize(response));
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Cards_SerializeAsAlexaExpects(Card card, string expected)
    {
        var json = Serialize(new ResponseEnvelope(new ResponseBody { Card = card }))["response"]!["card"]!;

        AssertJsonEqual(expected, json);
    }

    public static TheoryData<Card, string> Cards() => new()
    {
        { new SimpleCard("Your ride", "Driver: Sam"), """{ "type": "Simple", "title": "Your ride", "content": "Driver: Sam" }""" },
        { new StandardCard("Your ride", "Driver: Sam", null), """{ "type": "Standard", "title": "Your ride", "text": "Driver: Sam" }""" },
        { new LinkAccountCard(), """{ "type": "LinkAccount" }""" },
    };

    [Fact]
    public void ResponseEnvelope_StartsWithVersion()
    {
        var json = JsonSerializer.Serialize(new ResponseEnvelope(new ResponseBody()), AlexaJsonContext.Default.ResponseEnvelope);

        Assert.Equal("""{"version":"1.0","response":{}}""", json);
    }

    [Fact]
    public void WireTypes_RoundTripWithTheSourceGeneratedContextAlone()
    {
        var response = new ResponseEnvelope(new ResponseBody
        {
            OutputSpeech = new PlainTextSpeech("Hi"),
            Card = new AskForPermissionsConsentCard(["alexa::profile:name:read"]),
            Directives = [PinConnection.Start("pin.1"), ConsentConnection.Start([new RequestedScope("s", "ACCOUNT")], "consent.1")],
        });

        var json = JsonSerializer.Serialize(response, SourceGeneratedOnly);

        Assert.Equal(json, JsonSerializer.Serialize(response, AlexaJsonContext.Default.ResponseEnvelope));
        Assert.Contains("\"policyName\":\"VOICE_PIN\"", json, StringComparison.Ordinal);
        Assert.Contains("\"@version\":\"2\"", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// The edge's own answers, pinned once by their words as the rider hears them; the other tests name them by
    /// phrase (the bench's load driver matches the busy one by these words).
    /// </summary>
    [Fact]
    public void BusyAndFailedAnswers_RenderTheirWordsAndEndTheSession()
    {
        var phrases = new EnglishPhrases();

        var busy = Serialize(ReplyRenderer.Render(Reply.Tell(Phrase.Busy), phrases))["response"]!;
        var failed = Serialize(ReplyRenderer.Render(Reply.Tell(Phrase.Failed), phrases))["response"]!;

        Assert.Equal("Sorry, Ride Hailer is very busy right now. Please try again in a minute.", Spoken(busy));
        Assert.Equal("Sorry, something went wrong with Ride Hailer. Please try again later.", Spoken(failed));
        Assert.True((bool)busy["shouldEndSession"]!);
        Assert.True((bool)failed["shouldEndSession"]!);
    }

    private static string? Spoken(JsonNode response) =>
        (string?)response["outputSpeech"]!["text"] ?? (string?)response["outputSpeech"]!["ssml"];

    private static JsonNode Serialize(ResponseEnvelope response) =>
        JsonNode.Parse(JsonSerializer.Serialize(response, AlexaJsonContext.Default.ResponseEnvelope))!;

    private static void AssertJsonEqual(string expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"Expected {expected}\nActual   {actual.ToJsonString()}");
}
