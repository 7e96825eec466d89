using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>
/// What Alexa's consent task asks, in the session's language, naming exactly the data behind the requested scopes, in
/// their order. The English is Amazon's own (the dialog of "Use Voice-Forward Consent in Your Alexa Skill"). The German
/// is ours: Amazon's developer pages show the dialog in English only, also on their German site (looked for on
/// 2026-12-07), so it is a plausible wording in the du-form Alexa speaks German in, not a quotation.
/// </summary>
public static class ConsentQuestion
{
    private static readonly Dictionary<string, (string English, string German)> Labels = new(StringComparer.Ordinal)
    {
        [PermissionScopes.GivenName] = ("name", "deinen Namen"),
        [PermissionScopes.FullName] = ("name", "deinen Namen"),
        [PermissionScopes.MobileNumber] = ("mobile number", "deine Handynummer"),
        [PermissionScopes.Geolocation] = ("current location", "deinen aktuellen Standort"),
        [PermissionScopes.FullAddress] = ("address", "deine Adresse"),
        ["alexa::devices:all:address:country_and_postal_code:read"] = ("zip code", "deine Postleitzahl"),
        ["alexa::profile:email:read"] = ("email address", "deine E-Mail-Adresse"),
    };

    /// <summary>The question in <paramref name="locale"/>'s language: German for a German locale, else English.</summary>
    public static string For(string skillName, IEnumerable<string> scopes, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var german = SpokenLanguage.IsGerman(locale);
        var labels = scopes
            .Select(scope => Labels.TryGetValue(scope, out var label) ? german ? label.German : label.English : scope)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return german
            ? $"Erlaubst du {skillName}, auf {GermanList(labels)} zuzugreifen? Du kannst 'Ich stimme zu' oder 'Nein' sagen."
            : $"Do you give {skillName} permission to access your {List(labels)}? You can say 'I approve' or 'no'.";
    }

    private static string List(List<string> items) => items.Count switch
    {
        0 => "information",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => $"{string.Join(", ", items.Take(items.Count - 1))}, and {items[^1]}",
    };

    /// <summary>"a", "a und b", "a, b und c": German puts no comma before "und".</summary>
    private static string GermanList(List<string> items) => items.Count switch
    {
        0 => "deine Angaben",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} und {items[^1]}",
    };
}
