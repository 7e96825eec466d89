namespace RideHailer.Skill.Storage;

/// <summary>
/// How bookings are kept in Azure Tables. The connection itself is <c>ConnectionStrings:Tables</c>.
/// The defaults make an unresponsive store fail within about four seconds (two tries of two seconds), inside
/// the session's reply timeout, instead of after the SDK's minutes of retries; a refused connection fails at once.
/// </summary>
public sealed class TablesOptions
{
    public const string SectionName = "Tables";

    /// <summary>The table bookings are kept in; created on first use.</summary>
    public string BookingsTable { get; set; } = "Bookings";

    /// <summary>How long one request to the table service may take before it is retried or fails.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times a failed request is retried (0 to 5).</summary>
    public int MaxRetries { get; set; } = 1;
}
