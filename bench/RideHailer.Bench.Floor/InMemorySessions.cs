using System.Collections.Concurrent;
using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Workflow;

namespace RideHailer.Bench.Floor;

/// <summary>
/// The floor's stand-in for SessionRouter and SessionOrchestration: the same decide, run commands, decide
/// loop with the same activities, on a dictionary of sessions. No history, no events, no polling.
/// </summary>
internal sealed partial class InMemorySessions(
    FindPlaceActivity findPlace,
    FindActiveRideActivity findActiveRide,
    QuoteRideActivity quoteRide,
    BookRideActivity bookRide,
    ConversationSettings settings,
    TimeProvider timeProvider,
    ILogger<InMemorySessions> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, InMemorySession> _sessions = new(StringComparer.Ordinal);
    private readonly Conversation _conversation = new(settings);

    public async Task<Reply?> SendAsync(string sessionId, TurnEvent turn, CancellationToken cancellationToken)
    {
        var key = SessionInstanceId.For(sessionId);
        var session = _sessions.GetOrAdd(key, static key => new InMemorySession(key));
        await session.Gate.WaitAsync(cancellationToken);
        try
        {
            if (session.TryGetAnswer(turn.RequestId, out var repeated))
            {
                return repeated;
            }

            var decision = _conversation.Decide(session.State, turn.Turn, Context(turn.Rider));
            var reply = decision.Reply;
            while (decision.Commands.Count > 0)
            {
                var result = await RunAsync(decision.Commands[0], cancellationToken);
                decision = _conversation.Decide(decision.State, result, Context(turn.Rider));
                reply = decision.Reply ?? reply;
            }

            session.State = decision.State;
            session.Remember(turn.RequestId, reply);
            return reply;
        }
        finally
        {
            session.Gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }

    private async Task<Turn> RunAsync(Command command, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        try
        {
            return command switch
            {
                FindPlace find => new PlacesFound(await findPlace.RunAsync(find, cancellationToken)),
                FindActiveRide find => await findActiveRide.RunAsync(new FindActiveRideInput(find, now), cancellationToken) is { } active
                    ? new ActiveRideFound(active)
                    : new NoActiveRide(),
                QuoteRide quote => new QuoteReady(await quoteRide.RunAsync(new QuoteRideInput(quote, now), cancellationToken)),
                BookRide book => new BookingDone(await bookRide.RunAsync(new BookRideInput(book, now), cancellationToken)),
                _ => throw new InvalidOperationException($"Unknown command {command.GetType().Name}."),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not InvalidOperationException)
        {
            // As the orchestration does with a failed activity: the conversation hears that the command failed.
            Log.CommandFailed(logger, command.GetType().Name, exception.GetType().Name);
            return command switch
            {
                BookRide => new BookingFailed(exception.GetType().Name),
                FindActiveRide => new ActiveRideLookupFailed(exception.GetType().Name),
                FindPlace => new PlaceSearchFailed(exception.GetType().Name),
                _ => new QuoteFailed(exception.GetType().Name),
            };
        }
    }

    private TurnContext Context(RiderFacts rider) => new(timeProvider.GetUtcNow(), Guid.NewGuid().ToString("N"), rider);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "{Command} failed with {ErrorType}")]
        public static partial void CommandFailed(ILogger logger, string command, string errorType);
    }
}
