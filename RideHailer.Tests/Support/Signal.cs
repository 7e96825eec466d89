namespace RideHailer.Tests.Support;

/// <summary>
/// Waits for a state the system under test reports (a queue's length, an orchestration's status) instead of sleeping
/// for a time that is usually long enough. The limit is a hang guard, not a speed claim.
/// </summary>
internal static class Signal
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Between = TimeSpan.FromMilliseconds(20);

    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <param name="limit">The hang guard, when a test waits on durable timers a busy machine may run late (default 30 s).</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var guard = limit ?? Limit;
        using var hang = new CancellationTokenSource(guard);
        while (!await condition())
        {
            if (hang.IsCancellationRequested)
            {
                Assert.Fail($"Never happened within {guard}: {what}.");
            }

            await Task.Delay(Between, CancellationToken.None);
        }
    }
}
