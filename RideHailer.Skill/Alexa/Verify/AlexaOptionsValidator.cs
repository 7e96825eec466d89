using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Fails start-up with a message naming the setting and how to fix it.</summary>
internal sealed class AlexaOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<AlexaOptions>
{
    /// <summary>Set by Azure App Service and Functions on every instance, whatever the environment name says.</summary>
    internal static readonly IReadOnlyList<string> AzureHostVariables = ["WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID"];

    public ValidateOptionsResult Validate(string? name, AlexaOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SkillId))
        {
            failures.Add("Alexa:SkillId is required: set it (environment variable Alexa__SkillId) to your skill's id, amzn1.ask.skill.…");
        }

        if (!options.VerifySignatures && RunsInAzure() is { } variable)
        {
            // An app setting AZURE_FUNCTIONS_ENVIRONMENT=Development must not switch verification off on a public endpoint.
            failures.Add($"Alexa:VerifySignatures=false is refused in Azure App Service and Functions ({variable} is set), whatever the environment name says: remove the setting.");
        }
        else if (!options.VerifySignatures && !environment.IsDevelopment())
        {
            failures.Add($"Alexa:VerifySignatures=false is allowed only in the Development environment (this is '{environment.EnvironmentName}'): remove the setting.");
        }

        foreach (var endpoint in options.AllowedApiEndpoints)
        {
            if (!IsAllowedEndpoint(endpoint))
            {
                failures.Add($"Alexa:AllowedApiEndpoints entry '{endpoint}' must be an absolute https URL with no path (http is accepted for loopback in Development).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string? RunsInAzure() =>
        AzureHostVariables.FirstOrDefault(variable =>
            !string.IsNullOrEmpty(configuration[variable]) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)));

    private bool IsAllowedEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) &&
        uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) &&
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && environment.IsDevelopment()));
}
