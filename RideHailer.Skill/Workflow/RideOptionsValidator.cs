using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Workflow;

internal sealed class RideOptionsValidator : IValidateOptions<RideOptions>
{
    public ValidateOptionsResult Validate(string? name, RideOptions options) =>
        options.Retention <= TimeSpan.Zero || options.Retention > TimeSpan.FromDays(6)
            ? ValidateOptionsResult.Fail(
                $"Ride:Retention must be above zero and at most 6.00:00:00, a durable timer's longest (it is {options.Retention}): it is how long an ended ride's durable state is kept, e.g. 01:00:00.")
            : ValidateOptionsResult.Success;
}
