using System.Collections.Concurrent;
using RideHailer.DevHost;
using RideHailer.Tests.Support.Docs;
using RideHailer.Tests.Support.Infra;
using Xunit.Abstractions;

namespace RideHailer.Tests.Docs;

/// <summary>
/// The commands in README.md, BENCHMARKS.md and docs/*.md, run as written, so the docs cannot rot.
/// Every ```bash block has a comment on the line before its fence that says how it is checked:
/// <code>
/// &lt;!-- doc-test: runs --&gt;                                    run in the repository root, stdin empty; exit code 0
/// &lt;!-- doc-test: runs, prints "Your driver will arrive" --&gt;  ... and the output holds that text
/// &lt;!-- doc-test: serves http://localhost:7071/api/alexa --&gt;  start it, wait until the URL answers, run the page's
///                                                           "runs against" blocks for that URL, then stop it
/// &lt;!-- doc-test: runs against http://localhost:7071/api/alexa, prints "Welcome" --&gt;
/// &lt;!-- doc-test: not-run: REASON --&gt;                   could run here, but the tests don't (long, interactive, recursive)
/// &lt;!-- doc-test: offline-impossible: REASON --&gt;        needs Azure, an Amazon account, a tool or a tunnel
/// </code>
/// A block without one fails <see cref="EveryShellBlock_SaysHowItIsChecked"/>. Blocks run one at a time, each in a
/// process group of its own that is stopped afterwards; a <c>runs</c> block identical to one that already ran (the
/// piped chat is in README.md and docs/simulator.md) is checked against that run instead of running twice. A
/// <c>serves</c> block's host is ready when it has printed its start-up banner (every hosted service started, the
/// durable worker included) and its URL answers; its <c>runs against</c> blocks then run once, and a failure fails.
/// The blocks need what the rest of the suite needs (<c>npm ci</c> done) and the docs' fixed ports free
/// (<see cref="DocPorts"/>). The first one to call <c>dotnet run</c> or <c>dotnet test</c> builds in Debug.
/// </summary>
[Collection(DocCommandsCollectionDefinition.Name)]
public sealed class DocCommandTests(ITestOutputHelper output)
{
    // Generous: on a clean clone, under load, the first block's Debug build took over 3 minutes.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan ServeLimit = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan AgainstLimit = TimeSpan.FromMinutes(1);

    // The text of each `runs` block that finished → how it ended.
    private static readonly ConcurrentDictionary<string, FinishedRun> Finished = new();

    /// <summary>The blocks that run: each <c>runs</c> block, and each <c>serves</c> block with its <c>runs against</c> blocks.</summary>
    public static TheoryData<string> RunnableBlocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocPages.Shell)
        {
            if (DocAnnotation.TryParse(block.Annotation, out var annotation) && annotation.Check is DocCheck.Runs or DocCheck.Serves)
            {
                data.Add(block.Id);
            }
        }

        return data;
    }

    [Fact]
    public void EveryShellBlock_SaysHowItIsChecked()
    {
        var unclassified = DocPages.Shell
            .Where(block => !DocAnnotation.TryParse(block.Annotation, out _))
            .Select(block => $"{block.Id}: {(block.Annotation is null ? "no <!-- doc-test: … --> line before the fence" : $"'{block.Annotation}' is not one of: {DocAnnotation.Syntax}")}")
            .ToList();

        Assert.True(
            unclassified.Count == 0,
            "Put one of these on the line before each fence (see DocCommandTests): " + DocAnnotation.Syntax
            + Environment.NewLine + string.Join(Environment.NewLine, unclassified));
    }

    [Fact]
    public void EveryRunsAgainstBlock_HasAServerOnItsPage()
    {
        var orphans = DocPages.Shell
            .Select(block => (Block: block, Annotation: DocAnnotation.TryParse(block.Annotation, out var annotation) ? annotation : null))
            .Where(client => client.Annotation?.Check == DocCheck.RunsAgainst && !ServersOnPage(client.Block.Page, client.Annotation.Url!).Any())
            .Select(client => client.Block.Id)
            .ToList();

        Assert.True(orphans.Count == 0, "No `serves URL` block on the same page serves these: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Parse_ReadsFencesInListItemsAndTheAnnotationBeforeThem()
    {
        const string Markdown = """
            Text.

            1. Step:

               <!-- doc-test: runs, prints "hi" -->
               ```bash
               echo hi
                 echo indented
               ```

            ```text
            no annotation
            ```
            """;

        var blocks = DocPages.Parse("page.md", Markdown);

        Assert.Collection(
            blocks,
            bash =>
            {
                Assert.Equal(("page.md:6", "bash", "echo hi\n  echo indented"), (bash.Id, bash.Language, bash.Text));
                Assert.True(DocAnnotation.TryParse(bash.Annotation, out var annotation));
                Assert.Equal(new DocAnnotation(DocCheck.Runs, null, "hi", null), annotation);
            },
            text => Assert.Equal(("text", (string?)null, false), (text.Language, text.Annotation, text.IsShell)));
    }

    [Theory]
    [InlineData("runs", DocCheck.Runs, null, null, null)]
    [InlineData("runs, prints \"booked\"", DocCheck.Runs, null, "booked", null)]
    [InlineData("runs against http://localhost:7071/api/alexa, prints \"Welcome\"", DocCheck.RunsAgainst, "http://localhost:7071/api/alexa", "Welcome", null)]
    [InlineData("serves http://localhost:7071/api/alexa", DocCheck.Serves, "http://localhost:7071/api/alexa", null, null)]
    [InlineData("not-run: takes an hour", DocCheck.NotRun, null, null, "takes an hour")]
    [InlineData("offline-impossible: needs azd", DocCheck.OfflineImpossible, null, null, "needs azd")]
    public void Annotation_ParsesEachForm(string text, DocCheck check, string? url, string? prints, string? reason)
    {
        Assert.True(DocAnnotation.TryParse(text, out var annotation));
        Assert.Equal(new DocAnnotation(check, url is null ? null : new Uri(url), prints, reason), annotation);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("runs prints \"x\"")]
    [InlineData("not-run:")]
    [InlineData("offline-impossible")]
    [InlineData("serves localhost:7071")]
    public void Annotation_RejectsWhatIsNotAForm(string text) => Assert.False(DocAnnotation.TryParse(text, out _));

    [LinuxX64Theory]
    [MemberData(nameof(RunnableBlocks))]
    public async Task Block_RunsAsWritten(string block)
    {
        var doc = DocPages.Find(block);
        Assert.True(DocAnnotation.TryParse(doc.Annotation, out var annotation), $"{block}: bad annotation '{doc.Annotation}'.");
        if (annotation.Check == DocCheck.Serves)
        {
            await DocPorts.WaitUntilFreeAsync();
            await ServeAsync(doc, annotation.Url!);
            return;
        }

        if (Finished.TryGetValue(doc.Text, out var earlier))
        {
            output.WriteLine($"Not run again: checked against the run of the same block at {earlier.Id}.");
        }
        else
        {
            await DocPorts.WaitUntilFreeAsync();
            earlier = Finished.GetOrAdd(doc.Text, await RunAsync(doc, RunLimit));
        }

        Check(doc, annotation, earlier);
    }

    private static async Task<FinishedRun> RunAsync(DocBlock block, TimeSpan limit)
    {
        await using var shell = ShellBlock.Start(block.Text, RepositoryDirectory.PathOf());
        var finished = await shell.WaitForExitAsync(limit);

        Assert.True(finished, Describe(block, $"did not finish within {limit}", shell.Output));
        return new FinishedRun(block.Id, shell.ExitCode, shell.Output);
    }

    private static void Check(DocBlock block, DocAnnotation annotation, FinishedRun run)
    {
        Assert.True(run.ExitCode == 0, Describe(block, $"exited with {run.ExitCode}", run.Output));
        if (annotation.Prints is { } expected)
        {
            Assert.True(run.Output.Contains(expected, StringComparison.Ordinal), Describe(block, $"did not print \"{expected}\"", run.Output));
        }
    }

    private static async Task ServeAsync(DocBlock server, Uri url)
    {
        await using var shell = ShellBlock.Start(server.Text, RepositoryDirectory.PathOf());
        await WaitUntilAnswersAsync(server, shell, url);
        foreach (var client in DocPages.Shell.Where(block => block.Page == server.Page))
        {
            if (DocAnnotation.TryParse(client.Annotation, out var annotation) && annotation.Check == DocCheck.RunsAgainst && annotation.Url == url)
            {
                Check(client, annotation, await RunAsync(client, AgainstLimit));
                Assert.False(shell.HasExited, Describe(server, $"stopped while {client.Id} ran", shell.Output));
            }
        }
    }

    private static async Task WaitUntilAnswersAsync(DocBlock server, ShellBlock shell, Uri url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ServeLimit;
        while (true)
        {
            Assert.False(shell.HasExited, Describe(server, $"exited with {(shell.HasExited ? shell.ExitCode : 0)} before {url} answered", shell.Output));
            Assert.True(DateTime.UtcNow < deadline, Describe(server, $"did not answer at {url} within {ServeLimit}", shell.Output));
            try
            {
                using var response = await http.GetAsync(url);
                if (shell.Output.Contains(StartupBanner.LastLine, StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }
    }

    private static IEnumerable<DocBlock> ServersOnPage(string page, Uri url) =>
        DocPages.Shell.Where(block => block.Page == page
            && DocAnnotation.TryParse(block.Annotation, out var annotation)
            && annotation.Check == DocCheck.Serves
            && annotation.Url == url);

    private sealed record FinishedRun(string Id, int ExitCode, string Output);

    private static string Describe(DocBlock block, string what, string output) =>
        $"The block at {block.Id} {what}.{Environment.NewLine}--- block ---{Environment.NewLine}{block.Text}"
        + $"{Environment.NewLine}--- its output (last part) ---{Environment.NewLine}{output}";
}
