namespace RideHailer.Skill.Workflow;

/// <summary>
/// When a request waiting for its reply reads the session back: once <see cref="First"/> has passed without a save
/// it could see, then after <see cref="Every"/>, doubling up to <see cref="Ceiling"/>, until the reply is there or
/// the budget is spent. The first wait is when a reply can be there; the doubling bounds what a slow turn costs in reads.
/// </summary>
/// <param name="First">The wait before the first read (or, with a signal, the signal's window).</param>
/// <param name="Every">The wait before the second read.</param>
/// <param name="Ceiling">The longest wait between later reads.</param>
public sealed record PollSchedule(TimeSpan First, TimeSpan Every, TimeSpan Ceiling)
{
    /// <summary>The wait before the next read, when <paramref name="reads"/> reads have found no reply.</summary>
    public TimeSpan After(int reads)
    {
        if (reads == 0)
        {
            return First;
        }

        // Doubling 30 times from any positive wait passes any ceiling; the cap keeps the shift in range.
        var doubled = Every.Ticks << Math.Min(reads - 1, 30);
        return TimeSpan.FromTicks(doubled <= 0 || doubled > Ceiling.Ticks ? Ceiling.Ticks : doubled);
    }
}
