using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

public sealed class AlexaOptionsTests
{
    [Fact]
    public void MissingSkillId_FailsNamingTheSetting()
    {
        using var host = SkillServices.Build(new Dictionary<string, string?>());

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value);

        Assert.Contains("Alexa:SkillId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSkillId_StopsTheHostAtStart()
    {
        using var host = SkillServices.Build(new Dictionary<string, string?>());

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void VerificationOff_OutsideDevelopment_Fails(string environment)
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings(verifySignatures: false), environment);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value);

        Assert.Contains("Alexa:VerifySignatures", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_INSTANCE_ID")]
    public void VerificationOff_InAzureEvenNamedDevelopment_Fails(string azureVariable)
    {
        var settings = SkillServices.DefaultSettings(verifySignatures: false);
        settings[azureVariable] = "func-ride-hailer";
        using var host = SkillServices.Build(settings, "Development");

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value);

        Assert.Contains($"Alexa:VerifySignatures=false is refused in Azure App Service and Functions ({azureVariable} is set)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerificationOff_InDevelopment_IsAccepted()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings(verifySignatures: false));

        Assert.False(host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.VerifySignatures);
    }

    [Fact]
    public void Defaults_VerifySignaturesAndAllowTheOfficialApiHosts()
    {
        using var host = SkillServices.Build(new Dictionary<string, string?> { ["Alexa:SkillId"] = AlexaRequests.SkillId }, "Production");

        var options = host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value;

        Assert.True(options.VerifySignatures);
        Assert.Equal(
            ["https://api.amazonalexa.com", "https://api.eu.amazonalexa.com", "https://api.fe.amazonalexa.com"],
            options.EffectiveApiEndpoints);
    }

    [Fact]
    public void ConfiguredApiEndpoints_ReplaceTheDefaults()
    {
        var settings = SkillServices.DefaultSettings();
        settings["Alexa:AllowedApiEndpoints:0"] = "https://api.eu.amazonalexa.com";

        using var host = SkillServices.Build(settings);

        Assert.Equal(["https://api.eu.amazonalexa.com"], host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.EffectiveApiEndpoints);
    }

    [Theory]
    [InlineData("Production", "http://127.0.0.1:5000")]
    [InlineData("Development", "http://example.com")]
    [InlineData("Development", "https://api.amazonalexa.com/v1")]
    [InlineData("Development", "not a url")]
    public void BadApiEndpoint_Fails(string environment, string endpoint)
    {
        var settings = SkillServices.DefaultSettings(verifySignatures: true);
        settings["Alexa:AllowedApiEndpoints:0"] = endpoint;
        using var host = SkillServices.Build(settings, environment);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value);

        Assert.Contains("Alexa:AllowedApiEndpoints", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoopbackHttpApiEndpoint_IsAllowedInDevelopment()
    {
        var settings = SkillServices.DefaultSettings();
        settings["Alexa:AllowedApiEndpoints:0"] = "http://127.0.0.1:5000";
        using var host = SkillServices.Build(settings);

        Assert.Equal(["http://127.0.0.1:5000"], host.Services.GetRequiredService<IOptions<AlexaOptions>>().Value.EffectiveApiEndpoints);
    }
}
