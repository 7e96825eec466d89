using Microsoft.Extensions.Options;

namespace RideHailer.DevHost;

internal sealed class DurableOptionsValidator : IValidateOptions<DurableOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The binder accepts any number for an enum ("Durable:Backend=7"), which would otherwise run in memory unnoticed.
        if (!Enum.IsDefined(options.Backend))
        {
            return ValidateOptionsResult.Fail(
                $"Durable:Backend must be InMemory or AzureStorage (it is {options.Backend}).");
        }

        if (!Enum.IsDefined(options.ReplyWait))
        {
            return ValidateOptionsResult.Fail(
                $"Durable:ReplyWait must be Signal or Polling (it is {options.ReplyWait}).");
        }

        return options.Backend == DurableBackend.AzureStorage && string.IsNullOrWhiteSpace(options.Storage)
            ? ValidateOptionsResult.Fail(
                "Durable:Storage is required when Durable:Backend=AzureStorage: a storage connection string (Azurite: UseDevelopmentStorage=true).")
            : ValidateOptionsResult.Success;
    }
}
