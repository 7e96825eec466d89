using System.CommandLine;
using RideHailer.Skill.Places;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// <c>dotnet run --project RideHailer.DevHost -- interaction-models [--check]</c>, from the repository root: writes
/// <c>skill-package/interactionModels/custom/&lt;locale&gt;.json</c> for every locale of
/// <c>skill-package-source/interaction-model.json</c>, with the place slot's values from the built-in catalog.
/// <c>--check</c> writes nothing and fails, naming the lines, when a checked-in model is not what the source generates.
/// </summary>
internal static class InteractionModelsCommand
{
    public const string Verb = "interaction-models";

    public const string DefaultOutput = "skill-package/interactionModels/custom";

    private const string Description =
        "Generate every locale's interaction model (skill-package/interactionModels/custom/<locale>.json) from the one source, "
        + "skill-package-source/interaction-model.json, and the built-in place catalog. Run from the repository root.";

    /// <summary>The process's exit code: 0 when written (or current with --check), 1 when refused or not current.</summary>
    public static int Run(IReadOnlyList<string> flags, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var command = Command();
        var exitCode = 0;
        command.SetAction(result =>
        {
            var root = RepositoryRoot();
            exitCode = Generate(
                Path.GetFullPath(result.GetValue<string>("--source")!, root),
                Path.GetFullPath(result.GetValue<string>("--out")!, root),
                result.GetValue<bool>("--check"),
                output,
                error);
            return exitCode;
        });
        var parsed = new RootCommand { command }.Parse([Verb, .. flags]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return parsed != 0 ? parsed : exitCode;
    }

    /// <summary>The command with its options and no action: what the host's top-level help lists.</summary>
    public static Command Command() => new(Verb, Description)
    {
        new Option<string>("--source") { Description = "The source file.", HelpName = "file", DefaultValueFactory = _ => InteractionModelSource.RelativePath },
        new Option<string>("--out") { Description = "The folder the model files go to.", HelpName = "dir", DefaultValueFactory = _ => DefaultOutput },
        new Option<bool>("--check") { Description = "Write nothing; exit 1 and show the differences when a checked-in model is not current." },
    };

    /// <summary>
    /// The nearest folder up from the working directory that holds the source: `dotnet run --project` runs the host
    /// in the project's folder, not where the command was typed, so relative paths are the repository's.
    /// </summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, InteractionModelSource.RelativePath)))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private static int Generate(string source, string folder, bool check, TextWriter output, TextWriter error)
    {
        IReadOnlyDictionary<string, string> models;
        try
        {
            models = InteractionModelGenerator.Generate(InteractionModelSource.Load(source), PlaceCatalog.Default);
        }
        catch (SkillPackageRefusedException refused)
        {
            error.WriteLine(refused.Message);
            return 1;
        }

        if (check)
        {
            var differences = InteractionModelGenerator.Differences(folder, models);
            foreach (var difference in differences)
            {
                error.WriteLine(difference);
            }

            if (differences.Count > 0)
            {
                error.WriteLine($"Regenerate them: dotnet run --project RideHailer.DevHost -- {Verb}");
                return 1;
            }

            output.WriteLine($"The {models.Count} interaction models in {folder} are current.");
            return 0;
        }

        var written = InteractionModelGenerator.WriteTo(folder, models);
        output.WriteLine($"Wrote {written.Count} interaction models to {folder}: {string.Join(", ", written)}");
        return 0;
    }
}
