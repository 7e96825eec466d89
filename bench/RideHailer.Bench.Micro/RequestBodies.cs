using System.Globalization;
using System.Text;

namespace RideHailer.Bench.Micro;

/// <summary>A typical Alexa request: the consent resume of the seed conversation, about 2 KB as Alexa sends it.</summary>
internal static class RequestBodies
{
    public const string SkillId = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000";

    public static byte[] ConsentResume(string token)
    {
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        // Alexa's user and device ids and API token are long opaque strings; these have their real lengths.
        var userId = "amzn1.ask.account." + new string('A', 200);
        var apiToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + new string('x', 700);
        return Encoding.UTF8.GetBytes("""
            {"version":"1.0","session":{"new":false,"sessionId":"amzn1.echo-api.session.0123456789abcdef0123456789abcdef",
             "application":{"applicationId":"@SKILLID@"},"user":{"userId":"@USERID@","accessToken":"linked-account-token"}},
             "context":{"System":{"application":{"applicationId":"@SKILLID@"},
              "user":{"userId":"@USERID@","accessToken":"linked-account-token","permissions":{"consentToken":"consent-token","scopes":{}}},
              "person":{"personId":"amzn1.ask.person.jane","accessToken":"person-access-token","authenticationConfidenceLevel":{"level":300}},
              "device":{"deviceId":"amzn1.ask.device.kitchen","supportedInterfaces":{"Geolocation":{}}},
              "apiEndpoint":"https://api.amazonalexa.com","apiAccessToken":"@APITOKEN@"},
             "Geolocation":{"locationServices":{"access":"ENABLED","status":"RUNNING"},"timestamp":"@TIMESTAMP@",
              "coordinate":{"latitudeInDegrees":47.6097,"longitudeInDegrees":-122.3422,"accuracyInMeters":20}}},
             "request":{"type":"SessionResumedRequest","requestId":"amzn1.echo-api.request.0123456789abcdef","timestamp":"@TIMESTAMP@",
              "locale":"en-US","cause":{"type":"ConnectionCompleted","token":"@TOKEN@","status":{"code":"200","message":"OK"},
              "result":{"status":"ACCEPTED"}}}}
            """
            .Replace("@SKILLID@", SkillId, StringComparison.Ordinal)
            .Replace("@USERID@", userId, StringComparison.Ordinal)
            .Replace("@APITOKEN@", apiToken, StringComparison.Ordinal)
            .Replace("@TIMESTAMP@", timestamp, StringComparison.Ordinal)
            .Replace("@TOKEN@", token, StringComparison.Ordinal));
    }
}
