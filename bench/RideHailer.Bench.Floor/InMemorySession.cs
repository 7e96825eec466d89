using RideHailer.Domain;
using RideHailer.Domain.Replies;

namespace RideHailer.Bench.Floor;

/// <summary>
/// One Alexa session kept in process memory: what the orchestration keeps in its history and custom status
/// (the state, the last reply per request id for retries), behind a gate so one turn applies at a time.
/// </summary>
internal sealed class InMemorySession(string sessionKey) : IDisposable
{
    /// <summary>As many answered request ids as the orchestration remembers.</summary>
    private const int RememberedRequestIds = 8;

    private readonly Queue<(string RequestId, Reply? Reply)> _answered = new();

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public SessionState State { get; set; } = SessionState.Start(sessionKey);

    public bool TryGetAnswer(string requestId, out Reply? reply)
    {
        foreach (var (id, answer) in _answered)
        {
            if (id == requestId)
            {
                reply = answer;
                return true;
            }
        }

        reply = null;
        return false;
    }

    public void Remember(string requestId, Reply? reply)
    {
        if (_answered.Count == RememberedRequestIds)
        {
            _answered.Dequeue();
        }

        _answered.Enqueue((requestId, reply));
    }

    public void Dispose() => Gate.Dispose();
}
