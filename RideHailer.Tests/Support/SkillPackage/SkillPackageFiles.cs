using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>
/// The checked-in ASK CLI skill package, read from the repository (not copied to the build output), so a
/// failure names the file a developer has to change.
/// </summary>
internal static class SkillPackageFiles
{
    public const string ManifestPath = "skill-package/skill.json";

    public const string EnUsModelPath = "skill-package/interactionModels/custom/en-US.json";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The <c>manifest</c> object of skill.json.</summary>
    public static JsonObject Manifest() => Load(ManifestPath)["manifest"]!.AsObject();

    /// <summary>The <c>interactionModel.languageModel</c> object of a locale's interaction model.</summary>
    public static JsonObject LanguageModel(string locale = "en-US") =>
        Load(ModelPath(locale))["interactionModel"]!["languageModel"]!.AsObject();

    public static string ModelPath(string locale) => $"skill-package/interactionModels/custom/{locale}.json";

    public static string FullPath(string relativePath) =>
        Path.Combine(RepositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Parses strictly (no comments, no trailing commas), as the Skill Management API does.</summary>
    public static JsonNode Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(FullPath(relativePath)))
        ?? throw new InvalidDataException($"{relativePath} is JSON null.");

    // Tests run from .../RideHailer.Tests/bin/<Configuration>/<framework>/ inside the repository.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RideHailer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No RideHailer.sln above {AppContext.BaseDirectory}; run the tests from the repository.");
    }
}
