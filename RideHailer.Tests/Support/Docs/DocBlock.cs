namespace RideHailer.Tests.Support.Docs;

/// <summary>One fenced code block of a markdown page, with the <c>doc-test</c> annotation on the line before it, if any.</summary>
/// <param name="Page">The page's path from the repository root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's info string up to the first space (<c>bash</c>), or empty.</param>
/// <param name="Text">The block's lines, without the fences and without the indentation of a block inside a list.</param>
/// <param name="Annotation">What follows <c>doc-test:</c> in the comment, trimmed; null when the comment is missing.</param>
internal sealed record DocBlock(string Page, int Line, string Language, string Text, string? Annotation)
{
    private static readonly string[] ShellLanguages = ["bash", "sh", "shell", "console", "zsh"];

    /// <summary>Where the block is, as <c>README.md:37</c>: how a test names it.</summary>
    public string Id => $"{Page}:{Line}";

    /// <summary>Commands a reader would type; only these need an annotation.</summary>
    public bool IsShell => ShellLanguages.Contains(Language, StringComparer.OrdinalIgnoreCase);
}
