using BenchmarkDotNet.Attributes;
using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Render;
using RideHailer.Skill.Speech;

namespace RideHailer.Bench.Micro;

/// <summary>The edge's JSON work on one turn: the request envelope parsed to a domain turn, the reply rendered to Alexa JSON.</summary>
[MemoryDiagnoser]
public class EnvelopeBenchmark
{
    private byte[] _body = null!;
    private Reply _reply = null!;
    private readonly EnglishPhrases _phrases = new();

    [GlobalSetup]
    public void Setup()
    {
        var states = new SeedStates();
        _body = RequestBodies.ConsentResume(states.ConsentToken);
        _reply = states.QuoteReply;
    }

    [Benchmark]
    public Turn? Parse() => AlexaRequestParser.TryParse(_body, out var request, out _) ? TurnReader.Read(request) : null;

    [Benchmark]
    public int Serialize() => SkillEndpointResult.Ok(ReplyRenderer.Render(_reply, _phrases)).Body.Length;

    [Benchmark]
    public int ParseAndSerialize() =>
        AlexaRequestParser.TryParse(_body, out var request, out _) && TurnReader.Read(request) is not null
            ? SkillEndpointResult.Ok(ReplyRenderer.Render(_reply, _phrases)).Body.Length
            : 0;
}
