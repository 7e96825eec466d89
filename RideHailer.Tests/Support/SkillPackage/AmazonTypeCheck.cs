using System.Diagnostics;
using System.Text;

namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>
/// JSON checked against Amazon's own TypeScript models (npm <c>ask-smapi-model</c> for the skill package,
/// <c>ask-sdk-model</c> for responses and the simulation kit's requests), which this repository did not write. Each JSON text is pasted as the
/// initialiser of a variable of the model's type, so <c>tsc --strict</c> checks what a schema would: required
/// members, excess properties (an object literal may not have members its type lacks) and enum values (string
/// literal unions). The files go under the test's output folder, inside the repository, so <c>import</c> finds the
/// repository's node_modules (<c>npm ci</c>).
/// </summary>
internal static class AmazonTypeCheck
{
    public const string ManifestType = "v1.skill.Manifest.SkillManifestEnvelope";
    public const string InteractionModelType = "v1.skill.interactionModel.InteractionModelData";
    public const string AccountLinkingType = "v1.skill.accountLinking.AccountLinkingRequest";
    public const string ResponseType = "ResponseEnvelope";
    public const string RequestType = "RequestEnvelope";

    private static readonly TimeSpan CompileLimit = TimeSpan.FromMinutes(3);

    /// <summary>One JSON text and the Amazon type it must be; <paramref name="Name"/> says which file or response it is.</summary>
    public sealed record Literal(string Name, string Type, string Json);

    /// <summary>tsc's diagnostics, each naming the literal it is about; empty when every literal is its type.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IEnumerable<Literal> literals)
    {
        var root = SkillPackageFiles.RepositoryRoot;
        var compiler = Path.Combine(root, "node_modules", "typescript", "bin", "tsc");
        if (!File.Exists(compiler) || !Directory.Exists(Path.Combine(root, "node_modules", "ask-smapi-model")) ||
            !Directory.Exists(Path.Combine(root, "node_modules", "ask-sdk-model")))
        {
            throw new InvalidOperationException($"typescript, ask-smapi-model or ask-sdk-model is not installed: run 'npm ci' in {root}.");
        }

        var folder = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "amazon-typecheck", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var literal in literals)
            {
                var file = $"literal{index++}.ts";
                names[file] = literal.Name;
                await File.WriteAllTextAsync(Path.Combine(folder, file), Source(literal));
            }

            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { compiler, "--strict", "--noEmit", "--pretty", "false", "--skipLibCheck", "--module", "commonjs", "--moduleResolution", "node", "--target", "es2020" })
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var file in names.Keys)
            {
                start.ArgumentList.Add(file);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(CompileLimit);
            await process.WaitForExitAsync(timeout.Token);
            var diagnostics = (await output + await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (process.ExitCode != 0 && diagnostics.Length == 0)
            {
                throw new InvalidOperationException($"tsc exited with {process.ExitCode} and said nothing.");
            }

            // "literal3.ts(12,5): error TS2353: …" → "skill.json (line 12 of the literal): error TS2353: …"
            return [.. diagnostics.Select(line => names.Aggregate(line, (text, name) => text.Replace(name.Key, name.Value, StringComparison.Ordinal)))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Source(Literal literal)
    {
        var import = literal.Type is ResponseType or RequestType
            ? $"import type {{ {literal.Type} }} from 'ask-sdk-model';"
            : "import type { v1 } from 'ask-smapi-model';";
        // The literal starts on line 3, so tsc's line numbers minus 2 are the JSON's own.
        return new StringBuilder()
            .AppendLine(import)
            .AppendLine("export {};")
            .Append("const checked: ").Append(literal.Type).Append(" = ").Append(literal.Json.Trim()).AppendLine(";")
            .AppendLine("void checked;")
            .ToString();
    }
}
