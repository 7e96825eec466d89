namespace RideHailer.Domain.Rides;

/// <summary>When a booking's stored status is too old to answer "where is my ride" without asking the provider again.</summary>
public static class RideFreshness
{
    /// <summary>How old a stored status may be and still be told as it is.</summary>
    public static TimeSpan MaxAge { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Whether <paramref name="booking"/>'s status should be asked of its provider at <paramref name="now"/>: a ride that
    /// has not ended, has a provider id, and whose last report (or dispatch, when none came) is older than <see cref="MaxAge"/>.
    /// </summary>
    public static bool NeedsRefresh(Booking booking, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(booking);
        if (booking.Dispatch.RideId is null || booking.Progress is { Status: var status } && status.IsFinal())
        {
            return false;
        }

        var asOf = booking.Progress?.At ?? booking.BookedAt;
        return now - asOf > MaxAge;
    }
}
