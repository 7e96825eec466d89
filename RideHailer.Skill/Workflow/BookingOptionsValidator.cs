using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Workflow;

internal sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions options) =>
        Enum.IsDefined(options.PinPolicy)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Booking:PinPolicy must be Mandatory or Optional, as set in the Alexa developer console.");
}
