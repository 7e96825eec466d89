using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Places;

/// <summary>Fails start-up with a message naming the setting and how to fix it. A key is never quoted.</summary>
internal sealed class PlacesOptionsValidator(IHostEnvironment environment) : IValidateOptions<PlacesOptions>
{
    public ValidateOptionsResult Validate(string? name, PlacesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Kind))
        {
            return ValidateOptionsResult.Fail(
                $"Places:Kind '{options.Kind}' is not a place search: set Places__Kind to BuiltIn (the built-in landmarks, the default) or AzureMaps.");
        }

        if (options.Kind == PlacesKind.BuiltIn)
        {
            // Credentials without the kind that uses them are a half-done configuration: the skill would quietly keep
            // searching only the built-in landmarks.
            return options.UsesKey || options.UsesClientId
                ? ValidateOptionsResult.Fail(
                    $"Places:{(options.UsesKey ? "SubscriptionKey" : "ClientId")} is set but Places:Kind is BuiltIn: set Places__Kind=AzureMaps to find destinations with Azure Maps, or remove Places__{(options.UsesKey ? "SubscriptionKey" : "ClientId")}.")
                : ValidateOptionsResult.Success;
        }

        List<string> failures = [];
        if (!IsAllowedEndpoint(options.Endpoint))
        {
            failures.Add(
                $"Places:Endpoint '{options.Endpoint}' must be an absolute https URL with no path, query or user info, e.g. {PlacesOptions.DefaultEndpoint} (http is accepted for a loopback host in the Development environment only; this is '{environment.EnvironmentName}'): set Places__Endpoint, or remove it for {PlacesOptions.DefaultEndpoint}.");
        }

        if (options.UsesKey && options.UsesClientId)
        {
            failures.Add(
                "Places:SubscriptionKey and Places:ClientId are both set: keep one. Remove Places__SubscriptionKey to sign in with the app's identity (Microsoft Entra ID), or Places__ClientId to use the key.");
        }
        else if (!options.UsesKey && !options.UsesClientId)
        {
            failures.Add(
                "Places:Kind=AzureMaps needs a way to sign in to the Azure Maps account: set Places__ClientId to the account's uniqueId (az maps account show --query properties.uniqueId) and grant the app's identity the Azure Maps Data Reader role, or set Places__SubscriptionKey to one of the account's keys.");
        }

        if (options.UsesClientId && !Guid.TryParse(options.ClientId!.Trim(), out _))
        {
            failures.Add(
                $"Places:ClientId '{options.ClientId}' is not the Azure Maps account's uniqueId (a GUID): set Places__ClientId to the output of az maps account show --query properties.uniqueId.");
        }

        if (options.UsesKey && options.SubscriptionKey!.Trim().Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The value itself is a secret and stays out of the message.
            failures.Add("Places:SubscriptionKey holds spaces or line breaks inside it: set Places__SubscriptionKey to the key alone, as the portal's Authentication page shows it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool IsAllowedEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return true;
        }

        return Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) &&
            uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo) &&
            (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && environment.IsDevelopment()));
    }
}
