using Azure.Core;
using Azure.Identity;

namespace RideHailer.Skill.Telemetry;

/// <summary>
/// Entra ID authentication for Application Insights, read from the setting the Functions host reads too:
/// <c>Authorization=AAD</c> for the app's system-assigned identity, <c>ClientId=&lt;id&gt;;Authorization=AAD</c>
/// for a user-assigned one. The resource has local (key) authentication disabled, so without this the
/// worker's telemetry would be refused.
/// </summary>
/// <param name="ClientId">The user-assigned identity's client id, or null for the system-assigned identity.</param>
public sealed record ApplicationInsightsAuthentication(string? ClientId)
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The setting's meaning, or null when it is absent or asks for no Entra authentication.</summary>
    public static ApplicationInsightsAuthentication? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) ||
            !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0 ? clientId : null);
    }

    public TokenCredential CreateCredential() => new ManagedIdentityCredential(
        ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
