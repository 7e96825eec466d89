using RideHailer.DevHost;

namespace RideHailer.Tests.DevHost;

public sealed class RecentSessionsTests
{
    private readonly RecentSessions _sessions = new();

    [Fact]
    public void AddedSession_IsKnownUntilRemoved()
    {
        _sessions.Add("session-a");
        Assert.True(_sessions.Contains("session-a"));

        _sessions.Remove("session-a");

        Assert.False(_sessions.Contains("session-a"));
    }

    [Fact]
    public void SessionAddedOneGenerationAgo_IsStillKnown()
    {
        _sessions.Add("session-a");
        AddOthers(RecentSessions.Capacity);

        Assert.True(_sessions.Contains("session-a"));
    }

    [Fact]
    public void SessionNotSavedForTwoGenerations_IsForgotten()
    {
        // A long-running host must not remember every session it ever ran.
        _sessions.Add("session-a");
        AddOthers(2 * RecentSessions.Capacity);

        Assert.False(_sessions.Contains("session-a"));
    }

    private void AddOthers(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _sessions.Add($"other-{i}");
        }
    }
}
