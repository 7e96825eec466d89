using Microsoft.Extensions.Options;
using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Skill;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The skill endpoint for the console's own requests: the same <see cref="SkillEndpoint"/>, but its verifier trusts the
/// kit's signing chain and nothing else. A request reaches it only with this start's <see cref="ConsoleSecret"/> and
/// from this machine; everything else (a real Alexa through a tunnel included) goes to the host's endpoint, which
/// trusts Amazon's chain alone.
/// </summary>
internal sealed class ConsoleSkillEndpoint
{
    private readonly ConsoleSecret _secret;

    public ConsoleSkillEndpoint(IServiceProvider services, SigningChain signer, ConsoleSecret secret)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signer);
        _secret = secret;
        var trust = new AlexaCertificateTrustOptions();
        trust.CustomRoots.Add(signer.Root);
        var signatures = new AlexaSignatureVerifier(
            new SimulatorCertificateChainSource(signer),
            Options.Create(trust),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<AlexaSignatureVerifier>>());
        Endpoint = ActivatorUtilities.CreateInstance<SkillEndpoint>(
            services, ActivatorUtilities.CreateInstance<AlexaRequestVerifier>(services, signatures));
    }

    public SkillEndpoint Endpoint { get; }

    /// <summary>The endpoint that answers <paramref name="context"/>: this one for the console's requests, else <paramref name="host"/>.</summary>
    public static SkillEndpoint For(HttpContext context, SkillEndpoint host)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetService<ConsoleSkillEndpoint>() is { } console &&
               console._secret.IsCarriedBy(context.Request) &&
               LocalRequest.IsFromThisMachine(context.Request)
            ? console.Endpoint
            : host;
    }
}
