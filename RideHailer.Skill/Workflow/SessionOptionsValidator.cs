using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Workflow;

internal sealed class SessionOptionsValidator : IValidateOptions<SessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var failures = new List<string>();
        if (options.ReplyTimeout <= TimeSpan.Zero || options.ReplyTimeout > SessionOptions.AlexaResponseLimit - TimeSpan.FromSeconds(1))
        {
            failures.Add($"Session:ReplyTimeout must be above zero and at most 00:00:07, so the answer reaches Alexa within its 8 second limit (it is {options.ReplyTimeout}).");
        }

        if (options.IdleTimeout < TimeSpan.FromSeconds(1))
        {
            failures.Add($"Session:IdleTimeout must be at least 00:00:01 (it is {options.IdleTimeout}); keep it longer than a consent or PIN connection can take (minutes).");
        }

        if (options.MaxConcurrentTurns is < 1 or > 10_000)
        {
            failures.Add($"Session:MaxConcurrentTurns must be between 1 and 10000 (it is {options.MaxConcurrentTurns}): how many turns one host hands the durable backend at once.");
        }

        if (options.MaxWaitingTurns is < 0 or > 100_000)
        {
            failures.Add($"Session:MaxWaitingTurns must be between 0 and 100000 (it is {options.MaxWaitingTurns}): how many turns may wait for a place among Session:MaxConcurrentTurns.");
        }

        if (options.Retention <= TimeSpan.Zero)
        {
            failures.Add($"Session:Retention must be above zero (it is {options.Retention}): it is how long a finished session's personal data is kept, e.g. 01:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
