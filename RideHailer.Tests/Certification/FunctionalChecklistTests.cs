using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Simulation;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.SkillPackage;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Certification;

/// <summary>
/// Amazon's functional checklist for custom skills ("Functional tests for a custom skill", in the certification
/// requirements), each item through the endpoint at every step a conversation reaches: Help explains and asks;
/// Stop and Cancel say a short goodbye and end the session with <c>shouldEndSession: true</c> written out, a
/// pending connection included; Fallback keeps the open question; and no response leaves the session open without
/// a question and a reprompt. One-shot invocations of every intent are answered.
/// </summary>
public sealed partial class FunctionalChecklistTests
{
    private const string VerifyPerson = "connection://AMAZON.VerifyPerson/2";
    private const string AskForConsent = "connection://AMAZON.AskForPermissionsConsent/2";

    private static readonly SimulatedRider Granted = RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() };

    /// <summary>Each step a session reaches through the endpoint, and how to get there.</summary>
    private static readonly Dictionary<string, Func<Checked, Task<(AlexaSession Session, JsonNode Last)>>> Steps = new()
    {
        ["launched"] = async skill =>
        {
            var alexa = skill.NewSession(Granted);
            return (alexa, await alexa.LaunchAsync());
        },
        ["consent pending"] = async skill =>
        {
            var alexa = skill.NewSession(RiderSetup.Default);
            var asked = await alexa.OrderAsync("the Space Needle");
            AssertStartConnection(asked, AskForConsent);
            return (alexa, asked);
        },
        ["quoted"] = async skill =>
        {
            var alexa = skill.NewSession(Granted);
            return (alexa, await alexa.OrderAsync("the Space Needle"));
        },
        ["PIN pending"] = async skill =>
        {
            var alexa = skill.NewSession(Granted);
            await alexa.OrderAsync("the Space Needle");
            var asked = await alexa.YesAsync();
            AssertStartConnection(asked, VerifyPerson);
            return (alexa, asked);
        },
        ["PIN retry"] = async skill =>
        {
            var alexa = skill.NewSession(Granted);
            await alexa.OrderAsync("the Space Needle");
            await alexa.YesAsync();
            return (alexa, await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300));
        },
        ["second ride asked"] = async skill =>
        {
            var first = skill.NewSession(Granted);
            await first.OrderAsync("the Space Needle");
            await first.YesAsync();
            await first.PinResultAsync("200", "ACHIEVED", level: 400);
            var alexa = skill.NewSession(Granted);
            return (alexa, await alexa.OrderAsync("the Space Needle"));
        },
    };

    public static TheoryData<string> StepNames() => [.. Steps.Keys];

    public static TheoryData<string> ModelIntents() =>
        [.. SkillPackageFiles.LanguageModel()["intents"]!.AsArray().Select(intent => (string)intent!["name"]!)];

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Help_AtEveryStep_ExplainsAndAsksAQuestionWithTheSessionOpen(string step)
    {
        await using var skill = await Checked.StartAsync();
        var (alexa, _) = await Steps[step](skill);

        var help = await alexa.IntentAsync("AMAZON.HelpIntent");

        AssertAsks(help);
        Assert.True(Words(Text(help)) > Words(Text(help["response"]!["reprompt"]!)), "help explains more than the question it asks");
        skill.AssertEveryResponseAnswersOrEnds();
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task StopAndCancel_AtEveryStep_SayAShortGoodbyeAndEndTheSession(string step)
    {
        foreach (var intent in new[] { "AMAZON.StopIntent", "AMAZON.CancelIntent" })
        {
            await using var skill = await Checked.StartAsync();
            var (alexa, _) = await Steps[step](skill);

            var goodbye = await alexa.IntentAsync(intent);

            AssertEnds(goodbye);
            Assert.EndsWith("Goodbye.", Text(goodbye), StringComparison.Ordinal);
            Assert.InRange(Words(Text(goodbye)), 1, 10);
            skill.AssertEveryResponseAnswersOrEnds();
        }
    }

    [Theory]
    [MemberData(nameof(StepNames))]
    public async Task Fallback_AtEveryStep_KeepsTheOpenQuestionAndItsReprompt(string step)
    {
        await using var skill = await Checked.StartAsync();
        var (alexa, last) = await Steps[step](skill);

        var fallback = await alexa.IntentAsync("AMAZON.FallbackIntent");

        AssertAsks(fallback);
        if (last["response"]!["reprompt"] is { } reprompt)
        {
            // The question still open is asked again, and Alexa re-prompts with the same words.
            Assert.Equal(Text(reprompt), Text(fallback["response"]!["reprompt"]!));
            Assert.EndsWith(Text(reprompt), Text(fallback), StringComparison.Ordinal);
        }

        skill.AssertEveryResponseAnswersOrEnds();
    }

    [Theory]
    [MemberData(nameof(ModelIntents))]
    public async Task OneShot_EveryIntentOfTheModel_IsAnsweredAsTheFirstRequestOfASession(string intent)
    {
        await using var skill = await Checked.StartAsync();
        var alexa = skill.NewSession(Granted);

        var answer = intent == "OrderRideIntent" ? await alexa.OrderAsync("the Space Needle") : await alexa.IntentAsync(intent);

        Assert.False(string.IsNullOrWhiteSpace(Text(answer)), $"{intent} as a one-shot says something");
        skill.AssertEveryResponseAnswersOrEnds();
    }

    [Fact]
    public async Task OneShot_RideRequest_IsQuotedWithoutAWelcome()
    {
        await using var skill = await Checked.StartAsync();

        var quote = await skill.NewSession(Granted).OrderAsync("the Space Needle");

        Assert.StartsWith("A ride to the Space Needle from your current location will cost ", Text(quote), StringComparison.Ordinal);
        AssertAsks(quote);
    }

    /// <summary>Open, with a question said and a reprompt that asks one.</summary>
    private static void AssertAsks(JsonNode response)
    {
        var body = response["response"]!.AsObject();
        Assert.True(body.ContainsKey("shouldEndSession") && (bool?)body["shouldEndSession"] == false, "the session stays open, written out");
        Assert.EndsWith("?", Text(response), StringComparison.Ordinal);
        Assert.EndsWith("?", Text(body["reprompt"] ?? throw new Xunit.Sdk.XunitException("no reprompt")), StringComparison.Ordinal);
    }

    /// <summary>Ended with <c>"shouldEndSession": true</c> in the JSON itself, and no reprompt.</summary>
    private static void AssertEnds(JsonNode response)
    {
        Assert.Contains("\"shouldEndSession\":true", response.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(response["response"]!["reprompt"]);
    }

    /// <summary>The words said by a response or a reprompt (its outputSpeech), SSML tags left out.</summary>
    private static string Text(JsonNode node)
    {
        var speech = node["response"]?["outputSpeech"] ?? node["outputSpeech"];
        var said = (string?)speech?["text"] ?? (string?)speech?["ssml"] ?? "";
        return Tags().Replace(said, "").Trim();
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    /// <summary>A skill harness whose every response is kept, to check the rule that holds for all of them.</summary>
    private sealed class Checked : IAsyncDisposable
    {
        private readonly SkillHarness _skill;
        private readonly ConcurrentQueue<JsonNode> _responses = new();

        private Checked(SkillHarness skill) => _skill = skill;

        public static async Task<Checked> StartAsync() => new(await SkillHarness.StartAsync(BackendUnderTest.InMemory));

        public AlexaSession NewSession(SimulatedRider rider) => new(PostAsync, _skill.Api, rider);

        /// <summary>
        /// Every response either ends the session (written out), hands the dialog to a connection, or leaves it open
        /// with a question and a reprompt: none is left open without a question.
        /// </summary>
        public void AssertEveryResponseAnswersOrEnds()
        {
            Assert.NotEmpty(_responses);
            foreach (var response in _responses)
            {
                var body = response["response"]!.AsObject();
                if (body["directives"]?.AsArray().Any(directive => (string?)directive!["type"] == "Connections.StartConnection") == true)
                {
                    continue;
                }

                if ((bool?)body["shouldEndSession"] == true)
                {
                    continue;
                }

                AssertAsks(response);
            }
        }

        public ValueTask DisposeAsync() => _skill.DisposeAsync();

        private async Task<JsonNode> PostAsync(JsonNode envelope)
        {
            var response = await _skill.PostAsync(envelope);
            _responses.Enqueue(response);
            return response;
        }
    }
}
