using System.Collections.Frozen;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Telemetry;

/// <summary>
/// Tag names and the only values they take. Alexa's codes, statuses and reasons are mapped onto the values the
/// skill's guides list; anything else becomes <see cref="Other"/>, so a malformed or hostile request cannot
/// put its own text (or a new time series) into the metrics.
/// </summary>
public static class MetricTags
{
    public const string Turn = "turn";
    public const string Outcome = "outcome";
    public const string Code = "code";
    public const string Status = "status";
    public const string Reason = "reason";
    public const string Category = "category";
    public const string Request = "request";
    public const string ErrorType = "error.type";
    public const string Call = "call";

    /// <summary>The value for a field Alexa left out.</summary>
    public const string None = "none";

    /// <summary>The value for anything outside the known set.</summary>
    public const string Other = "other";

    private static readonly FrozenSet<string> ConsentStatuses = ConnectionWords.ConsentStatuses.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PinStatuses = ConnectionWords.PinStatuses.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> PinReasons = ConnectionWords.PinReasons.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The error types of System.ExceptionEncountered and of SessionEndedRequest (which adds ENDPOINT_TIMEOUT).</summary>
    private static readonly FrozenSet<string> AlexaErrorTypes = FrozenSet.Create(
        StringComparer.Ordinal, "INVALID_RESPONSE", "DEVICE_COMMUNICATION_ERROR", "INTERNAL_SERVICE_ERROR", "ENDPOINT_TIMEOUT");

    /// <summary>The domain turn's type name (Launch, RideRequested, PinResolved…): a closed set the domain defines.</summary>
    public static string TurnKind(Turn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.GetType().Name;
    }

    /// <summary>The ride provider's call, from the contract's five ("Quote", "Dispatch", "Status", "CancelFee", "Cancel"), lower-cased.</summary>
    public static string ProviderCall(string? call) => call switch
    {
        "Quote" or "Dispatch" or "Status" or "CancelFee" or "Cancel" => call.ToLowerInvariant(),
        _ => Other,
    };

    public static string OutcomeOf(TurnAnswerKind outcome) => outcome switch
    {
        TurnAnswerKind.Replied => "replied",
        TurnAnswerKind.TimedOut => "timed-out",
        TurnAnswerKind.Failed => "failed",
        TurnAnswerKind.Shed => "shed",
        _ => Other,
    };

    public static string CategoryOf(RejectionCategory category) => category switch
    {
        RejectionCategory.Signature => "signature",
        RejectionCategory.Timestamp => "timestamp",
        RejectionCategory.SkillId => "skill-id",
        RejectionCategory.Malformed => "malformed",
        _ => Other,
    };

    /// <summary>An HTTP-style status code as three digits ("200", "204", "403"…).</summary>
    public static string StatusCode(string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return None;
        }

        return trimmed.Length == 3 && trimmed.All(char.IsAsciiDigit) ? trimmed : Other;
    }

    public static string ConsentStatus(string? status) => Known(status, ConsentStatuses);

    public static string PinStatus(string? status) => Known(status, PinStatuses);

    public static string PinReason(string? reason) => Known(reason, PinReasons);

    public static string AlexaErrorType(string? type) => Known(type, AlexaErrorTypes);

    private static string Known(string? value, FrozenSet<string> known)
    {
        var normalized = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(normalized))
        {
            return None;
        }

        return known.Contains(normalized) ? normalized : Other;
    }
}
