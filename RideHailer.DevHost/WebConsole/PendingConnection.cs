using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// A connection the skill started and the page now plays Amazon's side of: what Alexa asks, the token it will echo,
/// and one choice per row of the guide's outcome table.
/// </summary>
internal sealed record PendingConnection(string Kind, string Uri, string? Token, string Question, IReadOnlyList<ConnectionChoice> Choices)
{
    public const string ConsentKind = "consent";
    public const string PinKind = "pin";

    public static PendingConnection? For(StartConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.Uri switch
        {
            StartConnection.ConsentUri => new PendingConnection(
                ConsentKind,
                connection.Uri,
                connection.Token,
                ConsentQuestion.For(AmazonSide.SkillName, connection.PermissionScopes.Select(scope => scope.Scope)),
                [.. ConsentAnswers.ByFlag.Select(pair => ConnectionChoice.Of(pair.Key, pair.Value))]),
            StartConnection.PinUri => new PendingConnection(
                PinKind,
                connection.Uri,
                connection.Token,
                AmazonSide.PinQuestion,
                [.. PinAnswers.ByFlag.Select(pair => ConnectionChoice.Of(pair.Key, pair.Value))]),
            _ => null,
        };
    }
}

/// <summary>One outcome the page offers: its <c>--consent</c> / <c>--pin</c> value, what it sends, and what the rider does.</summary>
internal sealed record ConnectionChoice(string Value, string Label, string Sends, string RiderTurn)
{
    public static ConnectionChoice Of(string flag, ConsentAnswer answer)
    {
        var (code, _, status) = answer.Outcome();
        return new ConnectionChoice(flag, status ?? code, status is null ? code : $"{code} {status}", answer.RiderTurn());
    }

    public static ConnectionChoice Of(string flag, PinAnswer answer)
    {
        var (code, _, status, reason) = answer.Outcome();
        var label = answer switch
        {
            PinAnswer.Achieved => $"ACHIEVED at {SimulatedSession.PinConfirmedLevel}",
            PinAnswer.AchievedBelowLevel => $"ACHIEVED at {SimulatedSession.RecognisedLevel}",
            _ => reason ?? status ?? code,
        };
        var sends = status is null ? code : $"{code} {status}{(reason is null ? "" : " " + reason)}";
        return new ConnectionChoice(flag, label, sends, answer.RiderTurn());
    }
}
