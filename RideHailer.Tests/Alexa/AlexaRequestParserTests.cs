using System.Text;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Alexa;

public sealed class AlexaRequestParserTests
{
    // The PIN confirmation seed's SessionResumedRequest, completed into a whole envelope.
    private const string PinResumedFromSeed = """
        {
          "version": "1.0",
          "session": { "new": false, "sessionId": "amzn1.echo-api.session.1", "application": { "applicationId": "amzn1.ask.skill.1" },
                       "user": { "userId": "amzn1.ask.account.1", "accessToken": "linked-token" } },
          "context": {
            "System": {
              "application": { "applicationId": "amzn1.ask.skill.1" },
              "user": { "userId": "amzn1.ask.account.1", "accessToken": "linked-token",
                        "permissions": { "consentToken": "consent-token",
                                         "scopes": { "alexa::profile:given_name:read": { "status": "GRANTED" },
                                                     "alexa::profile:mobile_number:read": { "status": "DENIED" } } } },
              "device": { "deviceId": "amzn1.ask.device.1", "supportedInterfaces": { "Geolocation": {} } },
              "person": {
                "authenticationConfidenceLevel": { "level": 300 },
                "accessToken": "Atza|AAAAAAAA...",
                "personId": "amzn1.ask.person.1"
              },
              "apiEndpoint": "https://api.amazonalexa.com",
              "apiAccessToken": "api-token"
            },
            "Geolocation": {
              "locationServices": { "access": "ENABLED", "status": "RUNNING" },
              "timestamp": "2026-11-25T12:00:00Z",
              "coordinate": { "latitudeInDegrees": 47.6205, "longitudeInDegrees": -122.3493, "accuracyInMeters": 10 }
            }
          },
          "request": {
            "type": "SessionResumedRequest",
            "requestId": "amzn1.echo-api.request.1",
            "timestamp": "2026-11-25T12:00:00Z",
            "locale": "en-US",
            "cause": {
              "type": "ConnectionCompleted",
              "token": "some connection token data",
              "status": { "code": "200", "message": "User didn't set up profile PIN." },
              "result": { "status": "NOT_ACHIEVED", "reason": "PREREQUISITE_NOT_SETUP_ERROR" }
            }
          }
        }
        """;

    [Theory]
    [InlineData("{\"version\":\"1.0\",\"session\":{\"new\":true,\"forged\\nWARN something else\u001b[31m\": nope}}")]
    [InlineData("{\"version\":\"1.0\",\"request\":{\"type\":\"LaunchRequest\"},\"session\":{\"line\\r\\nbreak\":[1,}}")]
    public void MalformedJson_UnderAForgedKey_ReasonHoldsTheSanitisedPathOnly(string body)
    {
        Assert.False(AlexaRequestParser.TryParse(Encoding.UTF8.GetBytes(body), out _, out var reason));

        Assert.StartsWith("malformed JSON at $.session", reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', reason);
        Assert.DoesNotContain('\r', reason);
        Assert.DoesNotContain('\u001b', reason);
        Assert.DoesNotContain(' ', reason["malformed JSON at ".Length..]);
    }

    [Fact]
    public void PinSeedResume_ParsesCauseResultAndPerson()
    {
        var request = Parse(PinResumedFromSeed);

        var resumed = Assert.IsType<SessionResumedRequest>(request.Request);
        Assert.Equal("ConnectionCompleted", resumed.Cause!.Type);
        Assert.Equal("some connection token data", resumed.Cause.Token);
        Assert.Equal("200", resumed.Cause.Status!.Code);
        Assert.Equal("User didn't set up profile PIN.", resumed.Cause.Status.Message);
        var pin = AlexaRequestParser.ReadPinResult(resumed.Cause);
        Assert.Equal(new PinResult("NOT_ACHIEVED", "PREREQUISITE_NOT_SETUP_ERROR"), pin);

        var person = request.System!.Person!;
        Assert.Equal("amzn1.ask.person.1", person.PersonId);
        Assert.Equal(300, person.AuthenticationConfidenceLevel!.Level);
        Assert.Equal("Atza|AAAAAAAA...", person.AccessToken);
    }

    [Fact]
    public void Envelope_ParsesUserPermissionsDeviceAndGeolocation()
    {
        var request = Parse(PinResumedFromSeed);

        Assert.False(request.Envelope.Session!.New);
        Assert.Equal("amzn1.echo-api.session.1", request.SessionId);
        Assert.Equal("linked-token", request.UserAccessToken);
        var permissions = request.System!.User!.Permissions!;
        Assert.Equal(ScopeStatus.Granted, permissions.StatusOf("alexa::profile:given_name:read"));
        Assert.Equal(ScopeStatus.Denied, permissions.StatusOf("alexa::profile:mobile_number:read"));
        Assert.Equal(ScopeStatus.Unknown, permissions.StatusOf("alexa::devices:all:address:full:read"));
        Assert.Equal("consent-token", permissions.ConsentToken);
        Assert.True(request.System.Device!.Supports("Geolocation"));
        Assert.Equal("https://api.amazonalexa.com", request.System.ApiEndpoint);
        Assert.Equal("api-token", request.System.ApiAccessToken);
        var geolocation = request.Envelope.Context!.Geolocation!;
        Assert.True(geolocation.LocationServices!.IsRunning);
        Assert.Equal(47.6205, geolocation.Coordinate!.LatitudeInDegrees);
        Assert.Equal(-122.3493, geolocation.Coordinate.LongitudeInDegrees);
    }

    [Fact]
    public void ConsentResume_ParsesStatusAndEchoedScopes()
    {
        var json = PinResumedFromSeed.Replace(
            """{ "status": "NOT_ACHIEVED", "reason": "PREREQUISITE_NOT_SETUP_ERROR" }""",
            """{ "status": "ACCEPTED", "permissionScopes": [ { "permissionScope": "alexa::profile:given_name:read", "consentLevel": "PERSON" } ] }""",
            StringComparison.Ordinal);

        var cause = Assert.IsType<SessionResumedRequest>(Parse(json).Request).Cause!;
        var consent = AlexaRequestParser.ReadConsentResult(cause)!;

        Assert.Equal("ACCEPTED", consent.Status);
        Assert.Equal([new RequestedScope("alexa::profile:given_name:read", "PERSON")], consent.PermissionScopes!);
    }

    [Fact]
    public void ResumeWithNumericStatusCodeAndNoResult_ParsesCodeAsString()
    {
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(PinResumedFromSeed)!;
        var cause204 = envelope["request"]!["cause"]!.AsObject();
        cause204["status"]!["code"] = 204;
        cause204.Remove("result");
        var json = envelope.ToJsonString();

        var cause = Assert.IsType<SessionResumedRequest>(Parse(json).Request).Cause!;

        Assert.Equal("204", cause.Status!.Code);
        Assert.Null(AlexaRequestParser.ReadConsentResult(cause));
    }

    [Fact]
    public void IntentRequest_ParsesSlotsAndEntityResolution()
    {
        const string Json = """
            {"version":"1.0","context":{"System":{"application":{"applicationId":"a"}}},
             "request":{"type":"IntentRequest","requestId":"r","timestamp":"2026-11-25T12:00:00Z","locale":"en-US","dialogState":"COMPLETED",
               "intent":{"name":"OrderRideIntent","confirmationStatus":"NONE","slots":{"destination":{"name":"destination","value":"the needle",
                 "confirmationStatus":"NONE","resolutions":{"resolutionsPerAuthority":[
                   {"authority":"amzn1.er-authority.echo-sdk.x.Place","status":{"code":"ER_SUCCESS_NO_MATCH"}},
                   {"authority":"amzn1.er-authority.echo-sdk.x.Place","status":{"code":"ER_SUCCESS_MATCH"},
                    "values":[{"value":{"name":"Space Needle","id":"space-needle"}}]}]}}}}}}
            """;

        var intent = Assert.IsType<IntentRequest>(Parse(Json).Request).Intent;

        Assert.Equal("OrderRideIntent", intent.Name);
        Assert.Equal("the needle", intent.Slot("destination")!.Value);
        Assert.Equal("space-needle", intent.Slot("destination")!.ResolvedId);
        Assert.Null(intent.Slot("pickup"));
    }

    [Fact]
    public void SessionEndedRequest_ParsesReasonAndError()
    {
        var request = Parse("""
            {"version":"1.0","request":{"type":"SessionEndedRequest","requestId":"r","timestamp":"2026-11-25T12:00:00Z",
             "reason":"ERROR","error":{"type":"INVALID_RESPONSE","message":"bad"}}}
            """);

        var ended = Assert.IsType<SessionEndedRequest>(request.Request);
        Assert.Equal("ERROR", ended.Reason);
        Assert.Equal(new SessionEndedError("INVALID_RESPONSE", "bad"), ended.Error);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), ended.Timestamp);
    }

    [Fact]
    public void ExceptionEncountered_ParsesErrorAndCause()
    {
        // The shape of Amazon's System.ExceptionEncountered request: no session, the error, the request it is about.
        var request = Parse("""
            {"version":"1.0","context":{"System":{"application":{"applicationId":"a"}}},
             "request":{"type":"System.ExceptionEncountered","requestId":"r2","timestamp":"2026-11-25T12:00:00Z","locale":"en-US",
               "error":{"type":"INVALID_RESPONSE","message":"Invalid directive"},"cause":{"requestId":"r1"}}}
            """);

        var exception = Assert.IsType<ExceptionEncounteredRequest>(request.Request);
        Assert.Equal(new SystemError("INVALID_RESPONSE", "Invalid directive"), exception.Error);
        Assert.Equal("r1", exception.Cause!.RequestId);
        Assert.Equal("r2", exception.RequestId);
        Assert.Null(request.SessionId);
    }

    [Fact]
    public void UnknownRequestType_ParsesAsUnsupported()
    {
        var request = Parse("""
            {"version":"1.0","request":{"type":"CanFulfillIntentRequest","requestId":"r9","timestamp":"2026-11-25T12:00:00Z"}}
            """);

        var unsupported = Assert.IsType<UnsupportedRequest>(request.Request);
        Assert.Equal("CanFulfillIntentRequest", unsupported.Type);
        Assert.Equal("r9", unsupported.RequestId);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("""{"at":"2026-11-25T12:00:00Z"}""")]
    [InlineData("""["2026-11-25T12:00:00Z"]""")]
    public void UnknownRequestTypeWithNonStringFields_ParsesWithoutThem(string value)
    {
        var request = Parse($$$"""
            {"version":"1.0","request":{"type":"Foo.Bar","requestId":{{{value}}},"timestamp":{{{value}}},"locale":{{{value}}}}}
            """);

        var unsupported = Assert.IsType<UnsupportedRequest>(request.Request);
        Assert.Equal(default, unsupported.Timestamp);
        Assert.Null(unsupported.RequestId);
        Assert.Null(unsupported.Locale);
    }

    [Theory]
    [InlineData("", "malformed JSON")]
    [InlineData("{", "malformed JSON")]
    [InlineData("[]", "malformed JSON")]
    [InlineData("null", "the body is not a request envelope")]
    [InlineData("""{"version":"1.0"}""", "the envelope has no request object")]
    [InlineData("""{"version":"1.0","request":{"requestId":"r"}}""", "the request has no type")]
    [InlineData("""{"version":"1.0","request":{"type":""}}""", "the request has no type")]
    [InlineData("""{"version":"1.0","request":{"type":"IntentRequest","timestamp":"2026-11-25T12:00:00Z"}}""", "malformed JSON")]
    [InlineData("""{"version":"1.0","request":{"type":"LaunchRequest","timestamp":"yesterday"}}""", "malformed JSON")]
    [InlineData("""{"version":"1.0","session":{"new":"yes"},"request":{"type":"LaunchRequest"}}""", "malformed JSON")]
    public void BadBodies_FailWithAReason(string json, string expectedReason)
    {
        var parsed = AlexaRequestParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var reason);

        Assert.False(parsed);
        Assert.Null(request);
        Assert.StartsWith(expectedReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TestEnvelopeBuilder_ProducesParseableLaunch()
    {
        var request = Parse(AlexaRequests.Envelope(AlexaRequests.Launch()).ToJsonString());

        Assert.IsType<LaunchRequest>(request.Request);
        Assert.Equal(AlexaRequests.SkillId, request.System!.Application!.ApplicationId);
    }

    private static AlexaRequest Parse(string json)
    {
        Assert.True(AlexaRequestParser.TryParse(Encoding.UTF8.GetBytes(json), out var request, out var reason), reason);
        return request;
    }
}
