using System.Text.RegularExpressions;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Support.Docs;

/// <summary>The repository's documentation (README.md, BENCHMARKS.md, docs/*.md) and the fenced code blocks in it.</summary>
internal static partial class DocPages
{
    private static readonly Lazy<IReadOnlyList<DocBlock>> Blocks = new(ReadAll);

    /// <summary>Every fenced block of every page, in page order and then line order.</summary>
    public static IReadOnlyList<DocBlock> All => Blocks.Value;

    public static IReadOnlyList<DocBlock> Shell => [.. All.Where(block => block.IsShell)];

    public static DocBlock Find(string id) =>
        All.SingleOrDefault(block => block.Id == id) ?? throw new KeyNotFoundException($"No code block at {id}.");

    /// <summary>The pages, as paths from the repository root.</summary>
    public static IReadOnlyList<string> Pages()
    {
        var root = RepositoryDirectory.PathOf();
        var docs = Directory.GetFiles(RepositoryDirectory.PathOf("docs"), "*.md")
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return ["README.md", "BENCHMARKS.md", .. docs];
    }

    /// <summary>Reads the fenced blocks of one page: ``` or ~~~ fences, also indented inside a list item.</summary>
    public static IReadOnlyList<DocBlock> Parse(string page, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<DocBlock>();
        for (var index = 0; index < lines.Length; index++)
        {
            var open = Fence().Match(lines[index]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Length;
            var fence = open.Groups["fence"].Value;
            var body = new List<string>();
            var end = index + 1;
            for (; end < lines.Length && !IsClosing(lines[end], fence); end++)
            {
                body.Add(Unindent(lines[end], indent));
            }

            var language = open.Groups["info"].Value.Trim().Split(' ', 2)[0];
            blocks.Add(new DocBlock(page, index + 1, language, string.Join('\n', body), AnnotationBefore(lines, index)));
            index = end;
        }

        return blocks;
    }

    private static List<DocBlock> ReadAll() =>
        [.. Pages().SelectMany(page => Parse(page, File.ReadAllText(RepositoryDirectory.PathOf(page))))];

    private static bool IsClosing(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(character => character == fence[0]);
    }

    private static string Unindent(string line, int indent)
    {
        var spaces = line.TakeWhile(character => character == ' ').Count();
        return line[Math.Min(spaces, indent)..];
    }

    // The annotation is the last non-blank line before the fence.
    private static string? AnnotationBefore(string[] lines, int fenceIndex)
    {
        for (var index = fenceIndex - 1; index >= 0; index--)
        {
            if (string.IsNullOrWhiteSpace(lines[index]))
            {
                continue;
            }

            var comment = AnnotationComment().Match(lines[index]);
            return comment.Success ? comment.Groups["annotation"].Value.Trim() : null;
        }

        return null;
    }

    [GeneratedRegex(@"^(?<indent> *)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*doc-test:(?<annotation>.*?)-->\s*$")]
    private static partial Regex AnnotationComment();
}
