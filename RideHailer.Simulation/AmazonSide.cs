using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's own tasks behind <c>Connections.StartConnection</c>: voice-forward consent and PIN confirmation. Speaks
/// Amazon's part in the session's language (the rider's locale: German in de-DE), takes the rider's answer, updates the
/// session (scopes granted, speaker confirmed) and returns the <c>cause</c> of the <c>SessionResumedRequest</c>, with the
/// skill's token echoed.
/// </summary>
public sealed class AmazonSide(ConnectionAnswers answers, ITranscript transcript)
{
    public const string SkillName = "Ride Hailer";
    public const string PinQuestion = "What's your profile PIN?";

    /// <summary>The PIN question in German; ours, as <see cref="ConsentQuestion"/>'s German is (Amazon documents it in English only).</summary>
    public const string GermanPinQuestion = "Wie lautet deine Profil-PIN?";

    /// <summary>What Alexa asks for the PIN in a session in <paramref name="locale"/>.</summary>
    public static string PinQuestionIn(string? locale) => SpokenLanguage.IsGerman(locale) ? GermanPinQuestion : PinQuestion;

    private void RiderAnswered(string description)
    {
        if (answers.Said is { } said)
        {
            transcript.Rider(said);
        }
        else
        {
            transcript.Aside(description);
        }
    }

    public JsonObject Complete(StartConnection connection, SimulatedSession session)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(session);
        return connection.Uri switch
        {
            StartConnection.ConsentUri => Consent(connection, session),
            StartConnection.PinUri => Pin(connection, session),
            _ => Unsupported(connection),
        };
    }

    private JsonObject Consent(StartConnection connection, SimulatedSession session)
    {
        var locale = session.Rider.Locale;
        transcript.Alexa(ConsentQuestion.For(SkillName, connection.PermissionScopes.Select(scope => scope.Scope), locale));
        var answer = answers.Consent();
        RiderAnswered(answer.RiderTurn(locale));
        var (code, message, status) = answer.Outcome();
        JsonObject? result = null;
        if (status is not null)
        {
            // The result repeats the scopes the skill asked for.
            result = new JsonObject
            {
                ["status"] = status,
                ["permissionScopes"] = new JsonArray([.. connection.PermissionScopes.Select(scope => (JsonNode)new JsonObject
                {
                    ["permissionScope"] = scope.Scope,
                    ["consentLevel"] = scope.ConsentLevel,
                })]),
            };
        }

        if (answer == ConsentAnswer.Accepted)
        {
            session.Grant(connection.PermissionScopes.Select(scope => (scope.Scope, scope.ConsentLevel)));
        }

        return Cause(connection, code, message, result, status);
    }

    private JsonObject Pin(StartConnection connection, SimulatedSession session)
    {
        var locale = session.Rider.Locale;
        var answer = answers.Pin();
        if (answer.AsksForPin())
        {
            transcript.Alexa(PinQuestionIn(locale));
        }

        RiderAnswered(answer.RiderTurn(locale));
        var (code, message, status, reason) = answer.Outcome();
        JsonObject? result = null;
        if (status is not null)
        {
            result = new JsonObject { ["status"] = status };
            if (reason is not null)
            {
                result["reason"] = reason;
            }
        }

        // Below the level asked for, the speaker stays at voice recognition's level: the resume says ACHIEVED
        // but context.System.person does not bear it out, which a skill must not take as a confirmation.
        if (answer == PinAnswer.Achieved)
        {
            session.ConfirmSpeaker();
        }

        return Cause(connection, code, message, result, reason ?? status);
    }

    private JsonObject Unsupported(StartConnection connection)
    {
        transcript.Note($"the simulator has no provider for {connection.Uri}");
        return Cause(connection, "404", "There are no providers available at this time.", result: null, outcome: null);
    }

    private JsonObject Cause(StartConnection connection, string code, string message, JsonObject? result, string? outcome)
    {
        transcript.Note($"Alexa resumes {SkillName}: {code}{(outcome is null ? "" : " " + outcome)}");
        return ConnectionCause.Completed(connection.Token, code, message, result);
    }
}
