using System.Text;
using System.Text.Json.Nodes;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using RideHailer.Domain.Replies;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests;

/// <summary>
/// Seeded fuzzing of the endpoint (failures replay from the seed and case): Alexa's own request shapes with one
/// value swapped for something hostile, one member dropped, or the bytes cut or corrupted. Whatever arrives, the
/// endpoint answers 200 or 400 with a JSON body, and never throws; aimed at a live session, no mutant hears an
/// apology, and the session still answers the rider afterwards.
/// </summary>
public sealed class SkillEndpointFuzzTests
{
    private const int CasesPerSeed = 150;
    private const string Marker = "__fuzz__";

    private static readonly AlexaRequestHeaders JsonHeaders = new(null, null, "application/json");

    /// <summary>Raw JSON values, each a shape some part of the parser or the turn mapping once tripped on or could.</summary>
    private static readonly byte[][] Hostile =
    [
        .. new[]
        {
            "null", "true", "0", "-1", "42", "1.5", "1e400", "-1e400", "1e-400", "99999999999999999999", "{}", "[]", "\"\"", "\" \"",
            "\"2026-11-25T12:00:00Z\"", "\"yesterday\"", "\"GRANTED\"", "\"ERROR\"", "\"ACCEPTED\"", "\"ACHIEVED\"", "\"200\"",
            "\"consent.x\"", "\"pin.x\"", "\"\\ud800\"", "\"a\\udc00\"", "\"\\ud83d\\u0041\"", "\"\\u0000\"", "\"\\ud83d\\ude95\"",
            "{\"type\":\"LaunchRequest\"}", "[{\"uid\":\":1\",\"children\":[]}]", "{\"status\":{\"code\":1e400}}",
            "\"" + new string('x', 4000) + "\"", new string('[', 300) + new string(']', 300),
            string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "0" + new string('}', 300),
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0xFF, (byte)'"'],
        [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'],
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task MutatedAlexaRequests_AreAnswered200Or400AndNeverThrow(int seed)
    {
        using var host = SkillServices.Build(new Dictionary<string, string?>(SkillServices.DefaultSettings())
        {
            // Nowhere the rider facts could be read from: the fuzzer never reaches the network.
            ["Alexa:AllowedApiEndpoints:0"] = "http://127.0.0.1:9",
            ["Session:ReplyTimeout"] = "00:00:00.050",
        });
        var endpoint = host.Services.GetRequiredService<SkillEndpoint>();
        var durable = UnstartableSessions();
        var random = new Random(seed);
        var bases = Bases();
        var statuses = new HashSet<int>();
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var body = Mutate(random, bases[random.Next(bases.Length)].DeepClone().AsObject());
            SkillEndpointResult result;
            try
            {
                result = await endpoint.HandleAsync(body, JsonHeaders, durable, default);
            }
            catch (Exception exception)
            {
                Assert.Fail($"seed {seed} case {i} threw {exception}\nbody: {Convert.ToBase64String(body)}");
                throw;
            }

            Assert.True(result.StatusCode is 200 or 400, $"seed {seed} case {i}: {result.StatusCode}\nbody: {Convert.ToBase64String(body)}");
            var answer = JsonNode.Parse(result.Body)!;
            Assert.True(result.StatusCode == 200 ? answer["response"] is JsonObject : answer["error"] is JsonValue, $"seed {seed} case {i}");
            statuses.Add(result.StatusCode);
        }

        // Worth something only if mutants both get through and get refused.
        Assert.Equal([200, 400], statuses.Order());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task MutatedTurnsOfALiveSession_NeverHearAnApology_AndTheSessionStillAnswers(int seed)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var rider = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });
        Assert.StartsWith("Welcome", Responses.Speech(await rider.LaunchAsync()), StringComparison.Ordinal);
        JsonObject[] bases =
        [
            await EnvelopeOf(rider, alexa => alexa.LaunchAsync()),
            await EnvelopeOf(rider, alexa => alexa.OrderAsync("the space needle")),
            await EnvelopeOf(rider, alexa => alexa.YesAsync()),
            await EnvelopeOf(rider, alexa => alexa.ConsentResultAsync("200", "ACCEPTED", token: "consent.token")),
            await EnvelopeOf(rider, alexa => alexa.PinResultAsync("200", "ACHIEVED", token: "pin.token")),
        ];
        var random = new Random(seed);
        var statuses = new HashSet<int>();
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var body = Mutate(random, bases[random.Next(bases.Length)].DeepClone().AsObject());
            var (status, text) = await skill.PostRawAsync(body);

            Assert.True(status is 200 or 400, $"seed {seed} case {i}: {status}\nbody: {Convert.ToBase64String(body)}");
            if (status == 200 && JsonNode.Parse(text) is { } answer && answer["response"]?["outputSpeech"] is not null)
            {
                var heard = Responses.Speech(answer);
                Assert.False(
                    new[] { Phrase.Failed, Phrase.TooSlow, Phrase.Busy }.Select(Spoken.Line).Contains(heard),
                    $"seed {seed} case {i} heard \"{heard}\"\nbody: {Convert.ToBase64String(body)}");
            }

            statuses.Add(status);
        }

        Assert.Equal([200, 400], statuses.Order());
        var order = await rider.OrderAsync("the space needle");
        var speech = Responses.Speech(order);
        Assert.True(
            speech.StartsWith("A ride to the Space Needle", StringComparison.Ordinal) || order["response"]?["directives"]?[0]?["type"]?.GetValue<string>() == "Connections.StartConnection",
            $"seed {seed}: the session answered a valid ride request with {order.ToJsonString()}");
    }

    /// <summary>The envelope the rider's session would send for <paramref name="turn"/>, without sending it.</summary>
    private static async Task<JsonObject> EnvelopeOf(AlexaSession session, Func<AlexaSession, Task<JsonNode>> turn)
    {
        var post = session.Post;
        session.Post = _ => Task.FromResult<JsonNode>(new JsonObject());
        try
        {
            await turn(session);
            return session.LastRequest!.DeepClone().AsObject();
        }
        finally
        {
            session.Post = post;
        }
    }

    private static byte[] Mutate(Random random, JsonObject envelope)
    {
        switch (random.Next(10))
        {
            case 0:
                var whole = envelope.Bytes();
                return whole[..random.Next(1, whole.Length)];
            case 1:
                var corrupt = envelope.Bytes();
                corrupt[random.Next(corrupt.Length)] = (byte)random.Next(256);
                return corrupt;
            case 2:
                var (parent, key) = Pick(random, envelope);
                if (parent is JsonObject members)
                {
                    members.Remove(key);
                }

                return envelope.Bytes();
            default:
                var (container, name) = Pick(random, envelope);
                Set(container, name, Marker);
                return envelope.Splice(Marker, Hostile[random.Next(Hostile.Length)]);
        }
    }

    /// <summary>A random member or element of the envelope, as its container and its name or index.</summary>
    private static (JsonNode Container, string Name) Pick(Random random, JsonObject envelope)
    {
        var slots = new List<(JsonNode, string)>();
        var pending = new Stack<JsonNode>([envelope]);
        while (pending.TryPop(out var node))
        {
            var children = node switch
            {
                JsonObject members => members.Select(member => (member.Key, member.Value)),
                JsonArray items => items.Select((item, index) => (index.ToString(System.Globalization.CultureInfo.InvariantCulture), item)),
                _ => [],
            };
            foreach (var (name, child) in children)
            {
                slots.Add((node, name));
                if (child is not null)
                {
                    pending.Push(child);
                }
            }
        }

        return slots[random.Next(slots.Count)];
    }

    private static void Set(JsonNode container, string name, string value)
    {
        if (container is JsonArray items)
        {
            items[int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            container[name] = value;
        }
    }

    /// <summary>A backend with no sessions that cannot start one: a turn that gets that far is answered with the apology.</summary>
    private static DurableTaskClient UnstartableSessions()
    {
        var durable = new Mock<DurableTaskClient>("fuzz");
        durable.Setup(client => client.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("no durable backend in this test"));
        return durable.Object;
    }

    /// <summary>Fresh copies of the request shapes Alexa sends, with the contexts an Echo Show adds.</summary>
    private static JsonObject[] Bases()
    {
        var resumed = AlexaRequests.Envelope(new JsonObject
        {
            ["type"] = "SessionResumedRequest",
            ["cause"] = new JsonObject
            {
                ["type"] = "ConnectionCompleted",
                ["token"] = "consent.token",
                ["status"] = new JsonObject { ["code"] = "200", ["message"] = "OK" },
                ["result"] = new JsonObject { ["status"] = "ACCEPTED" },
            },
        }, newSession: false);
        var located = AlexaRequests.Envelope(AlexaRequests.Intent("OrderRideIntent", ("destination", "the space needle")));
        located["context"]!["System"]!["device"]!["supportedInterfaces"] = new JsonObject { ["Geolocation"] = new JsonObject() };
        located["context"]!["Geolocation"] = new JsonObject
        {
            ["locationServices"] = new JsonObject { ["access"] = "ENABLED", ["status"] = "RUNNING" },
            ["coordinate"] = new JsonObject { ["latitudeInDegrees"] = 47.6, ["longitudeInDegrees"] = -122.3, ["accuracyInMeters"] = 10 },
        };
        located["context"]!["System"]!["user"]!["permissions"] = new JsonObject
        {
            ["scopes"] = new JsonObject { ["alexa::devices:all:geolocation:read"] = new JsonObject { ["status"] = "GRANTED" } },
        };
        var onScreen = AlexaRequests.Envelope(AlexaRequests.Launch());
        onScreen["context"]!["Alexa.Presentation.APL"] = new JsonObject
        {
            ["token"] = "rideStatus",
            ["version"] = "AplRenderer-2024.3",
            ["componentsVisibleOnScreen"] = new JsonArray(new JsonObject
            {
                ["uid"] = ":1000",
                ["position"] = "1280x800+0+0:0",
                ["type"] = "mixed",
                ["tags"] = new JsonObject { ["viewport"] = new JsonObject() },
                ["children"] = new JsonArray(new JsonObject { ["id"] = "bookButton", ["uid"] = ":1002", ["type"] = "text" }),
            }),
        };
        var ended = AlexaRequests.Envelope(new JsonObject
        {
            ["type"] = "SessionEndedRequest",
            ["reason"] = "ERROR",
            ["error"] = new JsonObject { ["type"] = "INVALID_RESPONSE", ["message"] = "The response is invalid." },
        }, newSession: false);
        var exception = AlexaRequests.Envelope(new JsonObject
        {
            ["type"] = "System.ExceptionEncountered",
            ["error"] = new JsonObject { ["type"] = "INVALID_RESPONSE", ["message"] = "The response is invalid." },
            ["cause"] = new JsonObject { ["requestId"] = "amzn1.echo-api.request.earlier" },
        });
        exception.Remove("session");
        return
        [
            AlexaRequests.Envelope(AlexaRequests.Launch()),
            AlexaRequests.Envelope(AlexaRequests.Intent("OrderRideIntent", ("destination", "the space needle"))),
            AlexaRequests.Envelope(AlexaRequests.Intent("AMAZON.YesIntent"), newSession: false),
            resumed,
            located,
            onScreen,
            ended,
            exception,
            AlexaRequests.Envelope(new JsonObject { ["type"] = "Alexa.Presentation.APL.UserEvent", ["arguments"] = new JsonArray("book") }),
        ];
    }
}
