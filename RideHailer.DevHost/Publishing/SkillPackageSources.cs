using System.Text.Json.Nodes;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// The checked-in package the renderer starts from: <c>skill-package/</c> as the build copies it beside the DevHost's
/// assembly, so the verb works the same under <c>dotnet run</c> and from the build output. The locales are whatever
/// the manifest publishes; each needs its interaction model.
/// </summary>
internal sealed record SkillPackageSources(string Root)
{
    public const string FolderName = "skill-package";

    public const string ModelsFolder = "interactionModels/custom";

    public const string ImagesFolder = "assets/images";

    /// <summary>The copy beside the running assembly.</summary>
    public static SkillPackageSources BesideTheHost { get; } = new(Path.Combine(AppContext.BaseDirectory, FolderName));

    public string ManifestPath => Path.Combine(Root, "skill.json");

    /// <summary>skill.json as a tree; a missing or broken file is a refusal that says what to rebuild.</summary>
    public JsonObject ReadManifest()
    {
        if (!File.Exists(ManifestPath))
        {
            throw new SkillPackageRefusedException(
                $"No skill.json at {ManifestPath}. The build copies skill-package/ beside the DevHost; rebuild it (dotnet build RideHailer.DevHost).");
        }

        return JsonNode.Parse(File.ReadAllText(ManifestPath)) as JsonObject
            ?? throw new SkillPackageRefusedException($"{ManifestPath} is not a JSON object.");
    }

    /// <summary>Every interaction model file, by locale.</summary>
    public IReadOnlyDictionary<string, string> Models() =>
        Directory.Exists(Path.Combine(Root, ModelsFolder))
            ? Directory.GetFiles(Path.Combine(Root, ModelsFolder), "*.json")
                .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => path, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Every image the manifest may point at.</summary>
    public IReadOnlyList<string> Images() =>
        Directory.Exists(Path.Combine(Root, ImagesFolder)) ? [.. Directory.GetFiles(Path.Combine(Root, ImagesFolder)).Order(StringComparer.Ordinal)] : [];
}
