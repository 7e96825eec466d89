using RideHailer.Domain.Pin;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Workflow;

namespace RideHailer.DevHost.Simulator;

/// <summary>
/// What the skill host needs to be talked to by the simulator: real signature verification trusting only the
/// simulator's root, the simulator's chain served locally, the local Alexa APIs allowed, and the chosen PIN policy.
/// Applied only by the chat command, which runs only in Development; production trust and fetching are untouched.
/// </summary>
internal static class SimulatorHostSetup
{
    /// <summary>Configuration that overrides the host's own for the chat session.</summary>
    public static Dictionary<string, string?> Settings(Uri alexaApi, PinPolicy? pinPolicy)
    {
        ArgumentNullException.ThrowIfNull(alexaApi);
        var settings = new Dictionary<string, string?>
        {
            [$"{AlexaOptions.SectionName}:{nameof(AlexaOptions.VerifySignatures)}"] = "true",
            [$"{AlexaOptions.SectionName}:{nameof(AlexaOptions.AllowedApiEndpoints)}:0"] = alexaApi.GetLeftPart(UriPartial.Authority),
        };
        if (pinPolicy is { } policy)
        {
            settings[$"{BookingOptions.SectionName}:{nameof(BookingOptions.PinPolicy)}"] = policy.ToString();
        }

        return settings;
    }

    /// <summary>
    /// Trusts the simulator's root and serves its chain. Plain registrations, so they win whether they come before
    /// <c>AddRideHailerSkill</c> (its TryAdd then skips) or after it (the last registration is the one resolved).
    /// </summary>
    public static IServiceCollection AddSimulatorTrust(this IServiceCollection services, SigningChain signer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signer);
        services.AddSingleton<ICertificateChainSource>(new SimulatorCertificateChainSource(signer));
        services.Configure<AlexaCertificateTrustOptions>(trust => trust.CustomRoots.Add(signer.Root));
        return services;
    }
}
