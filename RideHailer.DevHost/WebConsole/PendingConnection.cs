using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// A connection the skill started and the page now plays Amazon's side of: what Alexa asks (in the session's language),
/// the token it will echo, and one choice per row of the guide's outcome table.
/// </summary>
internal sealed record PendingConnection(string Kind, string Uri, string? Token, string Question, IReadOnlyList<ConnectionChoice> Choices)
{
    public const string ConsentKind = "consent";
    public const string PinKind = "pin";

    public static PendingConnection? For(StartConnection connection, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Uri switch
        {
            StartConnection.ConsentUri => new PendingConnection(
                ConsentKind,
                connection.Uri,
                connection.Token,
                ConsentQuestion.For(AmazonSide.SkillName, connection.PermissionScopes.Select(scope => scope.Scope), locale),
                [.. ConsentAnswers.ByFlag.Select(pair => ConnectionChoice.Of(pair.Key, pair.Value, locale))]),
            StartConnection.PinUri => new PendingConnection(
                PinKind,
                connection.Uri,
                connection.Token,
                AmazonSide.PinQuestionIn(locale),
                [.. PinAnswers.ByFlag.Select(pair => ConnectionChoice.Of(pair.Key, pair.Value, locale))]),
            _ => null,
        };
    }
}

/// <summary>One outcome the page offers: its <c>--consent</c> / <c>--pin</c> value, what it sends, and what the rider does.</summary>
internal sealed record ConnectionChoice(string Value, string Label, string Sends, string RiderTurn)
{
    /// <summary>The label says what happens in words first, then Amazon's code: "Approve (ACCEPTED)".</summary>
    public static ConnectionChoice Of(string flag, ConsentAnswer answer, string? locale = null)
    {
        var (code, _, status) = answer.Outcome();
        var words = answer switch
        {
            ConsentAnswer.Accepted => "Approve",
            ConsentAnswer.Denied => "Deny",
            ConsentAnswer.NotAnswered => "Say nothing",
            ConsentAnswer.NoContent => "Cancelled",
            ConsentAnswer.RedirectToApp => "Finish in the app",
            _ => Failure(code),
        };
        return new ConnectionChoice(flag, $"{words} ({status ?? code})", status is null ? code : $"{code} {status}", answer.RiderTurn(locale));
    }

    public static ConnectionChoice Of(string flag, PinAnswer answer, string? locale = null)
    {
        var (code, _, status, reason) = answer.Outcome();
        var label = answer switch
        {
            PinAnswer.Achieved => $"Right PIN (ACHIEVED at {SimulatedSession.PinConfirmedLevel})",
            PinAnswer.AchievedBelowLevel => $"Right PIN, speaker not confirmed (ACHIEVED at {SimulatedSession.RecognisedLevel})",
            PinAnswer.NotEnabled => $"PIN confirmation off ({status})",
            PinAnswer.Lockout => $"Locked out ({reason})",
            PinAnswer.NotSetup => $"No PIN set up ({reason})",
            PinAnswer.NotMatch => $"Wrong PIN ({reason})",
            _ => $"{Failure(code)} ({code})",
        };
        var sends = status is null ? code : $"{code} {status}{(reason is null ? "" : " " + reason)}";
        return new ConnectionChoice(flag, label, sends, answer.RiderTurn(locale));
    }

    private static string Failure(string code) => code switch
    {
        "400" => "Bad request",
        "403" => "Not allowed",
        "404" => "No provider",
        _ => "Server error",
    };
}
