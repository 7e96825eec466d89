using BenchmarkDotNet.Attributes;
using RideHailer.Domain;
using RideHailer.Domain.Consent;

namespace RideHailer.Bench.Micro;

/// <summary>One Domain decision: the pure conversation applying one turn to a session state.</summary>
[MemoryDiagnoser]
public class DecisionBenchmark
{
    private readonly Conversation _conversation = new(ConversationSettings.Default);
    private SeedStates _states = null!;
    private ConsentResolved _accepted = null!;
    private TurnContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _states = new SeedStates();
        _accepted = new ConsentResolved(_states.ConsentToken, ConsentOutcome.Accepted);
        _context = new TurnContext(DateTimeOffset.UtcNow, "nonce-bench", _states.Granted);
    }

    /// <summary>Consent accepted: plan the pickup and command a quote.</summary>
    [Benchmark]
    public Decision ConsentAccepted() => _conversation.Decide(_states.AwaitingConsent, _accepted, _context);

    /// <summary>Yes to the quote: greet the speaker and start the PIN connection.</summary>
    [Benchmark]
    public Decision YesToQuote() => _conversation.Decide(_states.AwaitingQuoteAnswer, new Yes(), _context);
}
