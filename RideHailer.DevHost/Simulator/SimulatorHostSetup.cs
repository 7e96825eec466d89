using System.Security.Cryptography.X509Certificates;
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

    /// <summary>
    /// Trusts the simulator's chain as well as Amazon's, for a host that a simulated and a real Alexa may both talk to
    /// (the web console's, with a real skill pointed at it through a tunnel): the simulator's URL is served its chain,
    /// any other is fetched by the skill's own source, and the roots trusted are the machine's and the simulator's.
    /// Call it after <c>AddRideHailerSkill</c>, whose chain source it wraps.
    /// </summary>
    public static IServiceCollection AddSimulatorTrustAlongsideAmazon(this IServiceCollection services, SigningChain signer)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signer);
        var amazon = services.LastOrDefault(service => service.ServiceType == typeof(ICertificateChainSource))
            ?? throw new InvalidOperationException("AddRideHailerSkill registers the certificate chain source this wraps; call it first.");
        services.AddSingleton<ICertificateChainSource>(provider =>
            new SimulatorCertificateChainSource(signer, (ICertificateChainSource)Resolve(amazon, provider)));
        services.Configure<AlexaCertificateTrustOptions>(trust =>
        {
            // Custom roots replace the machine's store in the chain check, so the machine's roots are added too.
            using var machine = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
            machine.Open(OpenFlags.ReadOnly);
            trust.CustomRoots.AddRange(machine.Certificates);
            trust.CustomRoots.Add(signer.Root);
        });
        return services;
    }

    private static object Resolve(ServiceDescriptor service, IServiceProvider provider) =>
        service.ImplementationInstance
        ?? service.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, service.ImplementationType!);
}
