using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The "Alexa app" panel's API, under the console's group (so behind the same page secret and JSON checks): what the
/// app shows for the run's rider, and each thing the rider can do there, answered as a turn (the transcript line, the
/// signed <c>AlexaSkillEvent.*</c> and the skill's answer, and the SessionEndedRequest before it if a session was open).
/// </summary>
internal static partial class WebConsoleEndpoints
{
    public const string AlexaAppPath = "/runs/{id}/alexa-app";

    private static RouteGroupBuilder MapAlexaApp(this RouteGroupBuilder api)
    {
        api.MapGet(AlexaAppPath, async (string id, ConsoleRuns runs, CancellationToken ct) =>
            runs.Find(id) is { } run ? Results.Ok(await run.AlexaAppAsync(ct)) : UnknownRun(id));
        api.MapPost(AlexaAppPath + "/disable", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, (run, _, ct) => run.InAlexaAppAsync(new DisableSkill(), ct)));
        api.MapPost(AlexaAppPath + "/enable", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, (run, _, ct) => run.InAlexaAppAsync(new EnableSkill(), ct)));
        api.MapPost(AlexaAppPath + "/link", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, (run, _, ct) => run.InAlexaAppAsync(new LinkAccount(), ct)));
        api.MapPost(AlexaAppPath + "/permissions", (string id, HttpRequest request, ConsoleRuns runs) =>
            TurnAsync(id, request, runs, async (run, body, ct) =>
                await run.InAlexaAppAsync(new ChangePermissions(Scopes(await Read<AlexaAppPermissionsRequest>(body, ct))), ct)));
        return api;
    }

    /// <summary>The scopes to grant; a body without <c>scopes</c>, or a scope the skill does not ask for, is the caller's 400.</summary>
    private static IReadOnlyList<string> Scopes(AlexaAppPermissionsRequest? body)
    {
        if (body?.Scopes is not { } scopes)
        {
            throw new ConsoleInputException("Send {\"scopes\": [...]}: every scope to grant (an empty list revokes them all).");
        }

        return ChangePermissions.TryParseScopes(string.Join(',', scopes), out var parsed, out var reason) && scopes.All(scope => !string.IsNullOrWhiteSpace(scope))
            ? parsed
            : throw new ConsoleInputException(reason ?? "A scope is empty.");
    }
}
