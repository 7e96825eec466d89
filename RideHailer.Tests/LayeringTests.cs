using System.Text.RegularExpressions;
using System.Xml.Linq;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests;

/// <summary>
/// The layering docs/architecture.md describes, read from the sources: which project may reference which, that
/// nothing shipped references the simulation kit, and that RideHailer.Skill's folders depend on each other one
/// way only.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>Every project and the projects it may reference (bench and test projects are not shipped: they may use anything).</summary>
    private static readonly Dictionary<string, string[]> AllowedReferences = new()
    {
        ["RideHailer.Domain"] = [],
        ["RideHailer.Skill"] = ["RideHailer.Domain"],
        ["RideHailer.Functions"] = ["RideHailer.Skill"],
        ["RideHailer.Simulation"] = ["RideHailer.Skill", "RideHailer.Domain"],
        ["RideHailer.DevHost"] = ["RideHailer.Skill", "RideHailer.Simulation", "RideHailer.Domain"],
    };

    /// <summary>Connection status codes, statuses and reasons as Alexa writes them: the edge reads them, the Domain never does.</summary>
    private static readonly HashSet<string> AlexaWireWords =
    [
        "200", "204", "400", "403", "404", "500", "ACCEPTED", "DENIED", "NOT_ANSWERED", "REDIRECT_TO_APP", "ACHIEVED", "NOT_ACHIEVED",
        "NOT_ENABLED", "NOT_MATCH", "METHOD_LOCKOUT", "VERIFICATION_METHOD_NOT_SETUP", "PREREQUISITE_NOT_SETUP_ERROR",
    ];

    private static readonly string[] Shipped = ["RideHailer.Domain", "RideHailer.Skill", "RideHailer.Functions"];

    public static TheoryData<string> Projects => [.. AllowedReferences.Keys];

    [Theory]
    [MemberData(nameof(Projects))]
    public void Project_ReferencesOnlyTheLayersBelowIt(string project)
    {
        var references = ProjectReferences(project);

        Assert.All(references, reference => Assert.Contains(reference, AllowedReferences[project]));
    }

    [Fact]
    public void Domain_ReferencesNoPackage()
    {
        var packages = Csproj("RideHailer.Domain").Descendants("PackageReference").Select(reference => (string?)reference.Attribute("Include"));

        Assert.Empty(packages);
    }

    [Fact]
    public void NothingShipped_ReferencesTheSimulationKit()
    {
        Assert.All(Shipped, project => Assert.DoesNotContain("RideHailer.Simulation", ProjectReferences(project)));
        Assert.All(Shipped, project => Assert.DoesNotContain(
            SourceFiles(project), file => File.ReadAllText(file).Contains("RideHailer.Simulation", StringComparison.Ordinal)));
    }

    [Fact]
    public void Domain_SpeaksNoneOfAlexasWireWords()
    {
        var literals = SourceFiles("RideHailer.Domain")
            .SelectMany(file => StringLiteral().Matches(Code(File.ReadAllText(file))).Select(literal => (File: Path.GetFileName(file), literal.Groups["text"].Value)))
            .Where(literal => AlexaWireWords.Contains(literal.Value) || literal.Value.StartsWith("alexa::", StringComparison.Ordinal))
            .Select(literal => $"{literal.File}: \"{literal.Value}\"")
            .ToList();

        Assert.True(literals.Count == 0, "Alexa's words in the Domain (map them in RideHailer.Skill/Alexa): " + string.Join(", ", literals));
    }

    /// <summary>
    /// The direction docs/architecture.md draws between RideHailer.Skill's folders: each may use only the folders listed
    /// (and the Domain). The root composes them all and nothing in a folder uses it.
    /// </summary>
    private static readonly Dictionary<string, string[]> SkillFolderUses = new()
    {
        ["(root)"] = ["Alexa", "Speech", "Rides", "Places", "Workflow", "Storage", "Telemetry", "SkillEvents", "RideEvents"],
        ["SkillEvents"] = ["Alexa", "Storage", "Workflow"],
        ["Workflow"] = ["Telemetry", "Storage", "RideEvents"],
        ["Telemetry"] = ["Alexa"],
        ["Alexa"] = ["Speech"],
        ["Storage"] = ["Places"],
        ["Speech"] = [],
        ["Rides"] = ["Telemetry"],
        ["Places"] = [],
        ["RideEvents"] = ["Rides"],
    };

    /// <summary>
    /// The steps of Skill/Alexa, in request order: verify, read, enrich, render. Read is the request as Alexa wrote it,
    /// which every other step reads; the root holds the one source-generated JSON context that names every wire type.
    /// </summary>
    private static readonly Dictionary<string, string[]> AlexaStepUses = new()
    {
        ["(root)"] = ["Verify", "Read", "Render"],
        ["Verify"] = ["Read"],
        ["Read"] = ["(root)"],
        ["Enrich"] = ["Read", "Verify"],
        ["Render"] = ["Read"],
    };

    [Fact]
    public void SkillFolders_UseOnlyTheFoldersTheArchitectureAllows() =>
        AssertOnlyAllowed(FolderDependencies("RideHailer.Skill"), SkillFolderUses);

    [Fact]
    public void AlexaSteps_UseOnlyTheStepsBeforeThem() =>
        AssertOnlyAllowed(FolderDependencies(Path.Combine("RideHailer.Skill", "Alexa")), AlexaStepUses);

    [Fact]
    public void DomainNamespaces_HaveNoCycle()
    {
        var edges = NamespaceDependencies("RideHailer.Domain");

        var cycles = edges.SelectMany(edge => edge.Value.Where(to => Reaches(edges, to, edge.Key)).Select(to => $"{edge.Key} -> {to}")).ToList();

        Assert.True(cycles.Count == 0, "Domain namespaces that depend on each other: " + string.Join(", ", cycles));
    }

    private static void AssertOnlyAllowed(Dictionary<string, HashSet<string>> edges, Dictionary<string, string[]> allowed)
    {
        var unknown = edges.Keys.Where(folder => !allowed.ContainsKey(folder)).ToList();
        var forbidden = edges
            .SelectMany(edge => edge.Value.Where(to => !allowed.GetValueOrDefault(edge.Key, []).Contains(to)).Select(to => $"{edge.Key} -> {to}"))
            .ToList();

        Assert.True(unknown.Count == 0, "folders docs/architecture.md does not place (add them there and here): " + string.Join(", ", unknown));
        Assert.True(forbidden.Count == 0, "dependencies against the documented direction: " + string.Join(", ", forbidden));
    }

    /// <summary>Which namespace uses a type declared in which other, read from each file's namespace declaration.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceDependencies(string project)
    {
        var files = SourceFiles(project)
            .Select(file => Names(File.ReadAllText(file)))
            .Select(code => (Namespace: FileNamespace().Match(code).Groups["name"].Value, Code: code))
            .ToList();
        return Dependencies(files);
    }

    /// <summary>Which top-level folder (or the folder's own files, "(root)") uses a type declared in which other.</summary>
    private static Dictionary<string, HashSet<string>> FolderDependencies(string folder)
    {
        var root = RepositoryDirectory.PathOf(folder);
        return Dependencies([.. SourceFiles(folder).Select(file => (FolderOf(root, file), Names(File.ReadAllText(file))))]);
    }

    /// <summary>Which group of files uses a type declared in which other.</summary>
    private static Dictionary<string, HashSet<string>> Dependencies(List<(string Folder, string Code)> files)
    {
        var declaredIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, code) in files)
        {
            foreach (Match declaration in TypeDeclaration().Matches(code))
            {
                declaredIn.TryAdd(declaration.Groups["name"].Value, folder);
            }
        }

        var edges = files.Select(file => file.Folder).Distinct().ToDictionary(folder => folder, _ => new HashSet<string>());
        foreach (var (folder, code) in files)
        {
            foreach (Match word in Identifier().Matches(code))
            {
                if (declaredIn.TryGetValue(word.Value, out var owner) && owner != folder)
                {
                    edges[folder].Add(owner);
                }
            }
        }

        return edges;
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var folder))
        {
            if (folder == to)
            {
                return true;
            }

            if (seen.Add(folder))
            {
                foreach (var next in edges.GetValueOrDefault(folder) ?? [])
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    private static string FolderOf(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        var separator = relative.IndexOf(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return separator < 0 ? "(root)" : relative[..separator];
    }

    private static XDocument Csproj(string project) => XDocument.Load(RepositoryDirectory.PathOf(project, project + ".csproj"));

    private static List<string> ProjectReferences(string project) =>
    [
        .. Csproj(project).Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(((string?)reference.Attribute("Include") ?? "").Replace('\\', '/'))),
    ];

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(RepositoryDirectory.PathOf(project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>
    /// The source as far as type names go: no comments, no string literals, and enums without their members (a member
    /// that shares a type's name, such as <c>Phrase.BookingFailed</c>, names no type).
    /// </summary>
    private static string Names(string source) =>
        EnumBody().Replace(StringLiteral().Replace(Code(source), "\"\""), match => match.Groups["head"].Value + "{}");

    /// <summary>The source without its comments: a type named in a comment is no dependency.</summary>
    private static string Code(string source) => Comment().Replace(source, " ");

    [GeneratedRegex(@"(?<head>\benum\s+\w+\s*(?::\s*\w+)?\s*)\{[^}]*\}")]
    private static partial Regex EnumBody();

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>A type declared at the top of a file (file-scoped namespaces): nested ones, such as every class's
    /// <c>Log</c>, are indented and private to their class.</summary>
    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*(?:class|record|struct|interface|enum)\s+(?<name>[A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    /// <summary>A regular or verbatim string literal's text (interpolated holes included, which is harmless here).</summary>
    [GeneratedRegex(@"@?\$?""(?<text>(?:[^""\\\n]|\\.)*)""")]
    private static partial Regex StringLiteral();

    /// <summary>
    /// A name that can be a type: not one reached through a dot, which is a member (<c>RiderScope.MobileNumber</c>), nor
    /// one given a value, which is a member being set or declared (<c>MobileNumber = …</c>).
    /// </summary>
    [GeneratedRegex(@"(?<!\.)\b[A-Z]\w*\b(?!\s*=[^=>])")]
    private static partial Regex Identifier();
}
