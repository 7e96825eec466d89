using RideHailer.Tests.Support;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat command as a developer pipes into it: the built DevHost in its own process, so the verb dispatch, the
/// loopback host, piped input and the exit code are what is tested.
/// </summary>
public sealed partial class ChatProcessTests
{
    [Fact]
    public async Task PipedConversation_BooksARideAndExitsZero()
    {
        var (exitCode, output, error) = await RunChatAsync(
            "Development", "open ride hailer\nthe space needle\nyes\n", "--consent", "accepted", "--pin", "achieved");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}{Environment.NewLine}stdout:{Environment.NewLine}{output}");
        Assert.Contains("Alexa: Welcome to Ride Hailer. Where would you like to go?", output, StringComparison.Ordinal);
        Assert.Contains("You: I approve.", output, StringComparison.Ordinal);
        Assert.Contains("Alexa: Great. Your driver will arrive in ", output, StringComparison.Ordinal);
        Assert.Contains("[card] Your ride is booked", output, StringComparison.Ordinal);

        // Piped, standard output is the conversation alone; the simulator's notes are on standard error.
        var notConversation = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !ConversationLine().IsMatch(line))
            .ToList();
        Assert.True(notConversation.Count == 0, $"not conversation on stdout:{Environment.NewLine}{string.Join(Environment.NewLine, notConversation)}");
        Assert.Contains("[simulator] ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipedAlexaAppCommands_AfterDisableANewSessionIsNotToldOfTheEarlierRide()
    {
        var (exitCode, output, error) = await RunChatAsync(
            "Development", "open ride hailer\nthe space needle\nyes\n/disable\n/enable\n/link\nwhere is my ride\n", "--consent", "accepted", "--pin", "achieved");

        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}{Environment.NewLine}stdout:{Environment.NewLine}{output}");
        Assert.Contains("[card] Your ride is booked", output, StringComparison.Ordinal);
        Assert.Contains("(Alexa app: skill disabled; Alexa unlinked the account and revoked its permissions)", output, StringComparison.Ordinal);
        Assert.Contains("You: where is my ride\nAlexa: You don't have a ride booked right now.", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // The commands are done in the Alexa app, not said: stdout is still the conversation alone, the events' notes on stderr.
        var notConversation = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !ConversationLine().IsMatch(line))
            .ToList();
        Assert.True(notConversation.Count == 0, $"not conversation on stdout:{Environment.NewLine}{string.Join(Environment.NewLine, notConversation)}");
        Assert.DoesNotContain("/disable", output, StringComparison.Ordinal);
        Assert.Contains("[simulator] Alexa sent AlexaSkillEvent.SkillDisabled; the skill answered HTTP 200, no speech", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_RefusesToRun()
    {
        var (exitCode, output, error) = await RunChatAsync("Production", "open ride hailer\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("runs only in the Development environment", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Alexa:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFlag_ExitsNonZeroBeforeStartingAnything()
    {
        var (exitCode, output, _) = await RunChatAsync("Development", "", "--consent", "maybe");

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("[simulator]", output, StringComparison.Ordinal);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunChatAsync(string environment, string input, params string[] flags) =>
        DevHostCommand.RunAsync(environment, input, ["chat", .. flags]);

    /// <summary>A line of the conversation: who spoke, a card and its indented lines, the session's end, or Amazon's side in brackets.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:You: |Alexa: |\[card\] |\[session ended\]$|\(| {7}\S)")]
    private static partial System.Text.RegularExpressions.Regex ConversationLine();
}
