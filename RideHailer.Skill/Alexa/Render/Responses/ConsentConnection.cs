using System.Text.Json.Serialization;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Render.Responses;

/// <summary>Voice-forward consent: <c>connection://AMAZON.AskForPermissionsConsent/2</c>.</summary>
public static class ConsentConnection
{
    public const string Uri = ConnectionWords.ConsentUri;

    public static StartConnectionDirective Start(IReadOnlyList<RequestedScope> scopes, string token)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (scopes.Count == 0)
        {
            throw new ArgumentException("Consent needs at least one permission scope.", nameof(scopes));
        }

        return new StartConnectionDirective(Uri, new AskForPermissionsConsentInput(scopes), token);
    }
}

public sealed record AskForPermissionsConsentInput(IReadOnlyList<RequestedScope> PermissionScopes) : ConnectionInput
{
    [JsonPropertyName("@type")]
    [JsonPropertyOrder(-2)]
    public string InputType { get; init; } = "AskForPermissionsConsentRequest";

    [JsonPropertyName("@version")]
    [JsonPropertyOrder(-1)]
    public string InputVersion { get; init; } = "2";
}
