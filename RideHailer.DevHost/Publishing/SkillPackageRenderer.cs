using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// Writes an ASK CLI project for one deployment: <c>ask-resources.json</c>, <c>skill-package/</c> (the manifest with
/// the endpoint, events endpoint, certificate type, privacy and terms links and testing instructions filled in; the
/// interaction models and icons as checked in) and, when a provider is given, <c>account-linking.json</c>. It refuses
/// rather than write a package certification would reject: a locale without a model, an icon of the wrong size, or
/// any placeholder left in the manifest.
/// </summary>
internal static class SkillPackageRenderer
{
    /// <summary>The skill events the skill handles (<c>AlexaSkillEvent.*</c> at the same endpoint).</summary>
    public static readonly IReadOnlyList<string> EventSubscriptions =
        ["SKILL_ENABLED", "SKILL_DISABLED", "SKILL_PERMISSION_ACCEPTED", "SKILL_PERMISSION_CHANGED", "SKILL_ACCOUNT_LINKED"];

    public const string AccountLinkingFile = "account-linking.json";

    /// <summary>SMAPI's limit on <c>testingInstructions</c>.</summary>
    public const int MaxTestingInstructions = 4000;

    private const string SmallIcon = "smallIconUri";
    private const string LargeIcon = "largeIconUri";
    private const string FileScheme = "file://";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The files written, relative to the output folder.</summary>
    public static IReadOnlyList<string> Render(SkillPackageSources sources, SkillPackageInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(inputs);
        var root = sources.ReadManifest();
        var manifest = root["manifest"] as JsonObject ?? throw new SkillPackageRefusedException($"{sources.ManifestPath} has no \"manifest\" object.");
        var models = sources.Models();
        var locales = PublishedLocales(manifest, sources);
        foreach (var locale in locales.Where(locale => !models.ContainsKey(locale)))
        {
            throw new SkillPackageRefusedException(
                $"skill.json publishes {locale}, but there is no {SkillPackageSources.ModelsFolder}/{locale}.json. Add the model, or remove {locale} from publishingInformation.locales.");
        }

        FillIn(manifest, locales, inputs);
        CheckIcons(manifest, locales, sources);
        if (FindPlaceholder(root, "$") is { } placeholder)
        {
            throw new SkillPackageRefusedException(
                $"skill.json still holds a placeholder at {placeholder.Path} ('{placeholder.Value}'). Give it a real value in skill-package/skill.json.");
        }

        var written = new List<string>();
        Write(inputs.Output, "ask-resources.json", AskResources(), written);
        Write(inputs.Output, $"{SkillPackageSources.FolderName}/skill.json", root, written);
        foreach (var (locale, path) in models.OrderBy(model => model.Key, StringComparer.Ordinal))
        {
            Copy(path, inputs.Output, $"{SkillPackageSources.FolderName}/{SkillPackageSources.ModelsFolder}/{locale}.json", written);
        }

        foreach (var image in sources.Images())
        {
            Copy(image, inputs.Output, $"{SkillPackageSources.FolderName}/{SkillPackageSources.ImagesFolder}/{Path.GetFileName(image)}", written);
        }

        if (inputs.AccountLinking is { } linking)
        {
            Write(inputs.Output, AccountLinkingFile, AccountLinkingRequest(linking), written);
        }

        return written;
    }

    /// <summary><c>Wildcard</c> for Azure's own host names (Microsoft serves <c>*.azurewebsites.net</c> with a wildcard certificate), else <c>Trusted</c>.</summary>
    public static string CertificateTypeFor(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Host.EndsWith(".azurewebsites.net", StringComparison.OrdinalIgnoreCase) ? "Wildcard" : "Trusted";
    }

    private static List<string> PublishedLocales(JsonObject manifest, SkillPackageSources sources)
    {
        if (manifest["publishingInformation"]?["locales"] is not JsonObject published || published.Count == 0)
        {
            throw new SkillPackageRefusedException($"{sources.ManifestPath} publishes no locale (manifest.publishingInformation.locales is empty).");
        }

        return [.. published.Select(locale => locale.Key)];
    }

    private static void FillIn(JsonObject manifest, IReadOnlyList<string> locales, SkillPackageInputs inputs)
    {
        // The endpoint exactly as given: OriginalString, not the Uri's normalised form.
        var endpoint = new JsonObject
        {
            ["uri"] = inputs.Endpoint.OriginalString,
            ["sslCertificateType"] = CertificateTypeFor(inputs.Endpoint),
        };
        var apis = manifest["apis"] as JsonObject ?? [];
        manifest["apis"] = apis;
        var custom = apis["custom"] as JsonObject ?? [];
        apis["custom"] = custom;
        custom["endpoint"] = endpoint;

        manifest["events"] = new JsonObject
        {
            ["endpoint"] = endpoint.DeepClone(),
            ["subscriptions"] = new JsonArray([.. EventSubscriptions.Select(name => (JsonNode)new JsonObject { ["eventName"] = name })]),
        };

        var privacy = manifest["privacyAndCompliance"] as JsonObject ?? [];
        manifest["privacyAndCompliance"] = privacy;
        var privacyLocales = new JsonObject();
        foreach (var locale in locales)
        {
            privacyLocales[locale] = new JsonObject
            {
                ["privacyPolicyUrl"] = inputs.PrivacyPolicy.OriginalString,
                ["termsOfUseUrl"] = inputs.TermsOfUse.OriginalString,
            };
        }

        privacy["locales"] = privacyLocales;
        if (inputs.TestingInstructions is { } instructions)
        {
            manifest["publishingInformation"]!["testingInstructions"] = instructions;
        }
    }

    /// <summary>Every locale names a small (108x108) and a large (512x512) PNG inside the package, as <c>file://</c> paths relative to it.</summary>
    private static void CheckIcons(JsonObject manifest, IReadOnlyList<string> locales, SkillPackageSources sources)
    {
        foreach (var locale in locales)
        {
            var published = manifest["publishingInformation"]!["locales"]![locale]!;
            CheckIcon(published, locale, SmallIcon, new PngSize(108, 108), sources);
            CheckIcon(published, locale, LargeIcon, new PngSize(512, 512), sources);
        }
    }

    private static void CheckIcon(JsonNode published, string locale, string field, PngSize size, SkillPackageSources sources)
    {
        var fix = $"Point publishingInformation.locales.{locale}.{field} at a {size} PNG in skill-package/{SkillPackageSources.ImagesFolder}, e.g. \"{FileScheme}{SkillPackageSources.ImagesFolder}/ride-hailer-{size.Width}.png\".";
        if ((string?)published[field] is not { } uri || !uri.StartsWith(FileScheme, StringComparison.Ordinal))
        {
            throw new SkillPackageRefusedException($"skill.json has no {FileScheme} {field} for {locale}. {fix}");
        }

        var path = Path.GetFullPath(Path.Combine(sources.Root, uri[FileScheme.Length..]));
        if (!path.StartsWith(Path.GetFullPath(sources.Root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            throw new SkillPackageRefusedException($"{locale}'s {field} '{uri}' is not a file inside skill-package/. {fix}");
        }

        var actual = PngSize.Of(File.ReadAllBytes(path));
        if (actual != size)
        {
            throw new SkillPackageRefusedException(
                $"{locale}'s {field} '{uri}' is {(actual is { } found ? $"a {found} PNG" : "not a PNG")}; Amazon asks for {size}. {fix}");
        }
    }

    private static (string Path, string Value)? FindPlaceholder(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject json:
                foreach (var (name, child) in json)
                {
                    if (FindPlaceholder(child, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    if (FindPlaceholder(array[index], $"{path}[{index}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                return PublishedUrlRules.PlaceholderIn(text) is null ? null : (path, text);
            default:
                return null;
        }
    }

    /// <summary>The ASK CLI project file for a skill with its own HTTPS endpoint: skill metadata only, no Lambda deployer.</summary>
    private static JsonObject AskResources() => new()
    {
        ["askcliResourcesVersion"] = "2020-03-31",
        ["profiles"] = new JsonObject
        {
            ["default"] = new JsonObject { ["skillMetadata"] = new JsonObject { ["src"] = $"./{SkillPackageSources.FolderName}" } },
        },
    };

    /// <summary>
    /// The body of <c>ask smapi update-account-linking-info</c>: authorization code grant against the authority,
    /// the scopes an OpenID Connect provider needs to issue the token whose <c>sub</c> is the rider id, and linking
    /// offered when the skill is enabled (the skill cannot book without it).
    /// </summary>
    private static JsonObject AccountLinkingRequest(AccountLinkingInputs linking)
    {
        var request = new JsonObject
        {
            ["type"] = "AUTH_CODE",
            ["authorizationUrl"] = linking.AuthorizationUrl.OriginalString,
            ["accessTokenUrl"] = linking.AccessTokenUrl.OriginalString,
            ["clientId"] = linking.ClientId,
        };
        if (linking.ClientSecret is { } secret)
        {
            request["clientSecret"] = secret;
        }

        request["accessTokenScheme"] = "HTTP_BASIC";
        request["scopes"] = new JsonArray("openid", "profile");
        request["domains"] = new JsonArray();
        request["skipOnEnablement"] = false;
        return new JsonObject { ["accountLinkingRequest"] = request };
    }

    private static void Write(string output, string relativePath, JsonNode json, List<string> written)
    {
        var path = Prepare(output, relativePath);
        using (var stream = File.Create(path))
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            json.WriteTo(writer);
        }

        File.AppendAllText(path, "\n");
        written.Add(relativePath);
    }

    private static void Copy(string source, string output, string relativePath, List<string> written)
    {
        File.Copy(source, Prepare(output, relativePath), overwrite: true);
        written.Add(relativePath);
    }

    private static string Prepare(string output, string relativePath)
    {
        var path = Path.Combine(output, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
