using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.Certification;

/// <summary>
/// The certification checks of the skill package itself: every example phrase is a sample utterance of the model
/// ("[wake word], [launch word] [invocation name] [connecting word] [utterance]"), the first begins with the wake word
/// and the invocation name, and the invocation name follows Amazon's invocation name requirements.
/// </summary>
public sealed partial class PackageChecklistTests
{
    /// <summary>Launch words Amazon documents for "Alexa, open …" style phrases that take no utterance.</summary>
    private static readonly string[] LaunchOnly = ["open", "start", "launch", "begin", "load", "run", "play", "talk to", "use"];

    /// <summary>Launch phrases and wake words an invocation name may not contain, and the words "skill" and "app".</summary>
    private static readonly string[] ForbiddenInName =
        ["launch", "ask", "tell", "load", "begin", "enable", "open", "start", "alexa", "amazon", "echo", "computer", "skill", "app"];

    /// <summary>Articles and prepositions a two-word invocation name may not contain.</summary>
    private static readonly string[] NotInTwoWords = ["the", "a", "an", "for", "to", "of"];

    private static readonly JsonObject Model = SkillPackageFiles.LanguageModel("en-US");

    private static readonly string InvocationName = (string)Model["invocationName"]!;

    private static readonly string[] Phrases =
        [.. SkillPackageFiles.Manifest()["publishingInformation"]!["locales"]!["en-US"]!["examplePhrases"]!.AsArray().Select(phrase => (string)phrase!)];

    public static TheoryData<string> ExamplePhrases() => [.. Phrases];

    [Theory]
    [MemberData(nameof(ExamplePhrases))]
    public void ExamplePhrase_IsALaunchOrASampleUtteranceOfTheModel(string phrase)
    {
        var match = Invocation().Match(phrase);
        Assert.True(match.Success, $"'{phrase}' is not 'Alexa, <launch word> {InvocationName} …'");
        Assert.Equal(InvocationName, match.Groups["name"].Value, ignoreCase: true);
        var utterance = match.Groups["utterance"].Value.TrimEnd('.', '?', '!');
        if (utterance.Length == 0)
        {
            Assert.Contains(match.Groups["launch"].Value.ToLowerInvariant(), LaunchOnly);
            return;
        }

        Assert.True(IsSample(utterance), $"'{utterance}' (from '{phrase}') is no sample utterance of the model, with its slots' values");
    }

    [Fact]
    public void FirstExamplePhrase_StartsWithTheWakeWordAndTheInvocationName()
    {
        var first = Assert.IsType<string>(Phrases.FirstOrDefault());

        Assert.Matches(new Regex($"^Alexa, (open|start|launch|ask|tell|begin|talk to) {Regex.Escape(InvocationName)}\\b", RegexOptions.IgnoreCase), first);
    }

    [Fact]
    public void InvocationName_FollowsAmazonsRequirements()
    {
        var words = InvocationName.Split(' ');

        // Lower-case letters, spaces between words, possessive apostrophes, periods only in abbreviations ("a. b. c.").
        Assert.Matches("^[a-z]+(?:'s)?(?: [a-z]+(?:'s)?)*$|^(?:[a-z]\\. ?)+$", InvocationName);
        Assert.True(words.Length >= 2, "one-word names are for brands Amazon has proof of ownership for");
        Assert.DoesNotContain(words, word => ForbiddenInName.Contains(word));
        if (words.Length == 2)
        {
            Assert.DoesNotContain(words, word => NotInTwoWords.Contains(word));
        }
    }

    [Theory]
    [InlineData("take me to the needle", true)]
    [InlineData("book a ride", true)]
    [InlineData("take me to the moon", false)]
    [InlineData("fly me to the Space Needle", false)]
    [InlineData("the second one", true)]
    [InlineData("take me home", true)]
    public void SampleCheck_AcceptsOnlyTheModelsSamplesWithItsSlotValues(string utterance, bool sample) =>
        Assert.Equal(sample, IsSample(utterance));

    /// <summary>What a built-in slot type can hold: AMAZON.Ordinal's words, any words for the rest.</summary>
    private static string BuiltInValues(string type) => type == "AMAZON.Ordinal"
        ? "(?:first|second|third|fourth|fifth|[0-9]+(?:st|nd|rd|th))"
        : ".+";

    /// <summary>Whether the words are one of the model's samples, each slot filled by a value or synonym of its type.</summary>
    private static bool IsSample(string utterance)
    {
        var types = (Model["types"]?.AsArray() ?? []).ToDictionary(
            type => (string)type!["name"]!,
            type => type!["values"]!.AsArray().SelectMany(value => Names(value!["name"]!)).ToList());
        foreach (var intent in Model["intents"]!.AsArray())
        {
            var slots = (intent!["slots"]?.AsArray() ?? []).ToDictionary(slot => (string)slot!["name"]!, slot => (string)slot!["type"]!);
            foreach (var sample in intent["samples"]?.AsArray() ?? [])
            {
                var pattern = "^" + SlotReference().Replace(Regex.Escape((string)sample!).Replace("\\{", "{", StringComparison.Ordinal), slot =>
                    types.TryGetValue(slots[slot.Groups["slot"].Value], out var values)
                        ? "(?:" + string.Join('|', values.Select(Regex.Escape)) + ")"
                        : BuiltInValues(slots[slot.Groups["slot"].Value])) + "$";
                if (Regex.IsMatch(utterance, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> Names(JsonNode name) =>
        [(string)name["value"]!, .. (name["synonyms"]?.AsArray() ?? []).Select(synonym => (string)synonym!)];

    [GeneratedRegex("^Alexa, (?<launch>open|start|launch|begin|load|run|play|use|talk to|ask|tell) (?<name>[a-z' .]+?)(?: (?:to|for|about|if|whether|that|and) (?<utterance>.+)|(?<utterance>))$", RegexOptions.IgnoreCase)]
    private static partial Regex Invocation();

    [GeneratedRegex("\\{(?<slot>[A-Za-z_]+)}")]
    private static partial Regex SlotReference();
}
