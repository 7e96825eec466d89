using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>What Alexa's consent task asks, naming exactly the data behind the requested scopes, in their order.</summary>
public static class ConsentQuestion
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [PermissionScopes.GivenName] = "name",
        [PermissionScopes.FullName] = "name",
        [PermissionScopes.MobileNumber] = "mobile number",
        [PermissionScopes.Geolocation] = "current location",
        [PermissionScopes.FullAddress] = "address",
        ["alexa::devices:all:address:country_and_postal_code:read"] = "zip code",
        ["alexa::profile:email:read"] = "email address",
    };

    public static string For(string skillName, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var labels = scopes.Select(scope => Labels.GetValueOrDefault(scope, scope)).Distinct(StringComparer.Ordinal).ToList();
        return $"Do you give {skillName} permission to access your {List(labels)}? You can say 'I approve' or 'no'.";
    }

    private static string List(List<string> items) => items.Count switch
    {
        0 => "information",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))}, and {items[^1]}",
    };
}
