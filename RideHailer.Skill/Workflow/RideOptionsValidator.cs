using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Workflow;

internal sealed class RideOptionsValidator : IValidateOptions<RideOptions>
{
    /// <summary>A durable timer's longest wait, as the engines' storage allows it.</summary>
    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(6);

    /// <summary>Longer than any ride a rider books by voice; past it a setting is a mistake, not a ride.</summary>
    private static readonly TimeSpan LongestRide = TimeSpan.FromDays(30);

    public ValidateOptionsResult Validate(string? name, RideOptions options)
    {
        List<string> failures = [];
        if (options.Retention <= TimeSpan.Zero || options.Retention > LongestTimer)
        {
            failures.Add(
                $"Ride:Retention must be above zero and at most 6.00:00:00, a durable timer's longest (it is {options.Retention}): it is how long an ended ride's durable state is kept, e.g. 01:00:00.");
        }

        if (options.StatusCheckInterval <= TimeSpan.Zero || options.StatusCheckInterval > LongestTimer)
        {
            failures.Add(
                $"Ride:StatusCheckInterval must be above zero and at most 6.00:00:00, a durable timer's longest (it is {options.StatusCheckInterval}): it is how long a provider's ride may go without a report before its status is asked of the provider, e.g. 00:10:00.");
        }

        if (options.MaxLifetime <= TimeSpan.Zero || options.MaxLifetime > LongestRide)
        {
            failures.Add(
                $"Ride:MaxLifetime must be above zero and at most 30.00:00:00 (it is {options.MaxLifetime}): it is how long a provider's ride that never reports an end is held before its orchestration lets it go, e.g. 1.00:00:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
