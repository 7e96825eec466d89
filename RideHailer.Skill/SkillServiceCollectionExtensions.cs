using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Verification;

namespace RideHailer.Skill;

public static class SkillServiceCollectionExtensions
{
    /// <summary>Registers the skill endpoint and everything it runs, with options validated at start.</summary>
    public static IServiceCollection AddRideHailerSkill(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AlexaOptions>()
            .Bind(configuration.GetSection(AlexaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlexaOptions>, AlexaOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddAlexaSignatureVerification();
        services.TryAddSingleton<SkillEndpoint>();
        services.AddHostedService<VerificationModeNotice>();
        return services;
    }
}
