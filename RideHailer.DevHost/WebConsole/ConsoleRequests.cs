namespace RideHailer.DevHost.WebConsole;

/// <summary>The body of <c>POST /console/api/runs/{id}/say</c>: what the rider says, as typed.</summary>
internal sealed record SayRequest(string? Text);

/// <summary>The body of <c>POST /console/api/runs/{id}/answer</c>: a <c>--consent</c> or <c>--pin</c> value.</summary>
internal sealed record AnswerRequest(string? Outcome);

/// <summary>Every error the console API answers: 400 (or 404 for an unknown run) with the reason.</summary>
internal sealed record ConsoleError(string Error);
