namespace RideHailer.Domain.Flow;

/// <summary>The consent result table's rows.</summary>
internal enum ConsentOutcome
{
    Accepted,
    Denied,
    NotAnswered,
    RedirectToApp,
    Failed,
}

internal static class ConsentOutcomes
{
    /// <summary>Reads cause.status.code and cause.result.status into a row of the table.</summary>
    public static ConsentOutcome Classify(ConsentResolved result) => result.Code?.Trim() switch
    {
        "204" => ConsentOutcome.NotAnswered,
        "200" => result.Status?.Trim().ToUpperInvariant() switch
        {
            "ACCEPTED" => ConsentOutcome.Accepted,
            "DENIED" => ConsentOutcome.Denied,
            "NOT_ANSWERED" => ConsentOutcome.NotAnswered,
            "REDIRECT_TO_APP" => ConsentOutcome.RedirectToApp,
            _ => ConsentOutcome.Failed,
        },
        _ => ConsentOutcome.Failed,
    };
}
