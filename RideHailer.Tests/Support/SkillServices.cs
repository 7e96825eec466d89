using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RideHailer.Skill;

namespace RideHailer.Tests.Support;

/// <summary>A host with the skill registered as the Functions app and the DevHost register it.</summary>
internal static class SkillServices
{
    public static IHost Build(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? DefaultSettings());
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(AlexaRequests.Now));
        builder.Services.AddRideHailerSkill(builder.Configuration);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    public static Dictionary<string, string?> DefaultSettings(bool verifySignatures = false) => new()
    {
        ["Alexa:SkillId"] = AlexaRequests.SkillId,
        ["Alexa:VerifySignatures"] = verifySignatures ? "true" : "false",
    };
}
