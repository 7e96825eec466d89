using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Fails start-up with a message naming the setting and how to fix it.</summary>
internal sealed class AlexaOptionsValidator(IHostEnvironment environment) : IValidateOptions<AlexaOptions>
{
    public ValidateOptionsResult Validate(string? name, AlexaOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SkillId))
        {
            failures.Add("Alexa:SkillId is required: set it (environment variable Alexa__SkillId) to your skill's id, amzn1.ask.skill.…");
        }

        if (!options.VerifySignatures && !environment.IsDevelopment())
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

    private bool IsAllowedEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) &&
        uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) &&
        (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback && environment.IsDevelopment()));
}
