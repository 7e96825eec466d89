using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Rides;

/// <summary>Fails start-up with a message naming the setting and how to fix it; never echoes the key or the secret.</summary>
internal sealed class RideProviderOptionsValidator(IHostEnvironment environment) : IValidateOptions<RideProviderOptions>
{
    public ValidateOptionsResult Validate(string? name, RideProviderOptions options)
    {
        if (!Enum.IsDefined(options.Kind))
        {
            return ValidateOptionsResult.Fail("RideProvider:Kind must be BuiltIn or Http.");
        }

        if (options.Kind != RideProviderKind.Http)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            failures.Add("RideProvider:BaseUrl is required with RideProvider:Kind=Http: set it (environment variable RideProvider__BaseUrl) to the provider's root without /v1, e.g. https://rides.example.com.");
        }
        else if (!IsAllowedRoot(options.BaseUrl))
        {
            failures.Add($"RideProvider:BaseUrl '{options.BaseUrl}' must be an absolute https URL without /v1, a query or a fragment (http is accepted for a loopback address in Development).");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("RideProvider:ApiKey is required with RideProvider:Kind=Http: set it (environment variable RideProvider__ApiKey; in Azure a Key Vault reference) to the key the provider gave you.");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            failures.Add("RideProvider:WebhookSecret is required with RideProvider:Kind=Http: set it (environment variable RideProvider__WebhookSecret; in Azure a Key Vault reference) to the secret the provider signs its events with.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool IsAllowedRoot(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo)
        && !uri.AbsolutePath.TrimEnd('/').EndsWith("/v1", StringComparison.OrdinalIgnoreCase)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && environment.IsDevelopment()));
}
