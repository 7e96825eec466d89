using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moq;
using RideHailer.Skill.Alexa.Enrich;
using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Infra;
using RideHailer.Tests.Support.Verification;

namespace RideHailer.Tests.Alexa.Identity;

public sealed class RiderIdentityOptionsTests
{
    private const string Audience = "ride-hailer-skill";

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", " ")]
    public void Unset_IsTheLocalDefault(string? authority, string? audience)
    {
        using var host = SkillServices.Build(Settings(authority, audience), "Production");

        Assert.False(host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value.UsesIssuer);
        Assert.IsType<AlexaUserRiderIdentity>(host.Services.GetRequiredService<IRiderIdentity>());
    }

    [Fact]
    public void LocalSettingsSample_BindsAsTheLocalDefault()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryDirectory.PathOf("RideHailer.Functions", "local.settings.sample.json")))!["Values"]!.AsObject();
        var settings = sample.ToDictionary(setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value);
        Assert.True(settings.ContainsKey("RiderIdentity:Authority"), "local.settings.sample.json lists RiderIdentity__Authority");
        Assert.True(settings.ContainsKey("RiderIdentity:Audience"), "local.settings.sample.json lists RiderIdentity__Audience");

        using var host = SkillServices.Build(settings);

        Assert.False(host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value.UsesIssuer);
        Assert.IsType<AlexaUserRiderIdentity>(host.Services.GetRequiredService<IRiderIdentity>());
    }

    [Theory]
    [InlineData("Production", "https://login.example.com/")]
    [InlineData("Production", "https://login.example.com/tenant/v2.0")]
    [InlineData("Development", "http://127.0.0.1:5005")]
    [InlineData("Development", "http://localhost:5005/")]
    public void IssuerAndAudience_SelectTheOpenIdConnectIdentity(string environment, string authority)
    {
        using var host = SkillServices.Build(Settings(authority, Audience), environment);

        var options = host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value;

        Assert.True(options.UsesIssuer);
        Assert.IsType<OpenIdConnectRiderIdentity>(host.Services.GetRequiredService<IRiderIdentity>());
    }

    [Theory]
    [InlineData("Development", "http://login.example.com/")]
    [InlineData("Production", "http://127.0.0.1:5005")]
    [InlineData("Staging", "http://localhost:5005")]
    [InlineData("Production", "not a url")]
    [InlineData("Production", "login.example.com")]
    [InlineData("Production", "ftp://login.example.com/")]
    [InlineData("Production", "https://login.example.com/?tenant=a")]
    [InlineData("Production", "https://user:secret@login.example.com/")]
    public void BadAuthority_FailsNamingTheSettingAndTheFix(string environment, string authority)
    {
        using var host = SkillServices.Build(Settings(authority, Audience), environment);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value);

        Assert.Contains("RiderIdentity:Authority", error.Message, StringComparison.Ordinal);
        Assert.Contains("RiderIdentity__Authority", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RiderIdentity:Audience", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    public void SymmetricOrNoAlgorithm_FailsNamingTheSettingAndTheFix(string algorithm)
    {
        var settings = Settings("https://login.example.com/", Audience);
        settings["RiderIdentity:ValidAlgorithms:0"] = algorithm;
        using var host = SkillServices.Build(settings, "Production");

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value);

        Assert.Contains($"RiderIdentity:ValidAlgorithms entry '{algorithm}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmsAndTokenTypes_DefaultToRs256AndTheJwtTypes()
    {
        using var host = SkillServices.Build(Settings("https://login.example.com/", Audience), "Production");

        var options = host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value;

        Assert.Equal(["RS256"], options.EffectiveAlgorithms);
        Assert.Equal(["JWT", "at+jwt"], options.EffectiveTokenTypes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void AuthorityWithoutAudience_Fails(string? audience)
    {
        using var host = SkillServices.Build(Settings("https://login.example.com/", audience), "Production");

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value);

        Assert.Contains("RiderIdentity:Audience is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("RiderIdentity__Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AudienceWithoutAuthority_Fails()
    {
        using var host = SkillServices.Build(Settings(null, Audience), "Production");

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RiderIdentityOptions>>().Value);

        Assert.Contains("RiderIdentity__Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadAuthority_StopsTheHostAtStart()
    {
        using var host = SkillServices.Build(Settings("http://login.example.com/", Audience), "Production");

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void AddRiderIdentity_KeepsAnEarlierRegistration()
    {
        var fake = new Mock<IRiderIdentity>().Object;
        var services = new ServiceCollection().AddSingleton(fake);
        services.Configure<RiderIdentityOptions>(options => (options.Authority, options.Audience) = ("https://login.example.com/", Audience));

        using var provider = services.AddRiderIdentity().BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<IRiderIdentity>());
    }

    [Theory]
    [InlineData("https://login.example.com/", "Rider identity: JWTs from issuer https://login.example.com/, audience ride-hailer-skill")]
    [InlineData("", "Rider identity: a hash of the Alexa person or user id (RiderIdentity:Authority is not set)")]
    public async Task Notice_SaysWhichIdentityIsInForce(string authority, string expected)
    {
        var logger = new RecordingLogger<RiderIdentityNotice>();
        var options = Options.Create(new RiderIdentityOptions { Authority = authority, Audience = authority.Length > 0 ? Audience : null });

        await new RiderIdentityNotice(options, logger).StartAsync(default);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Equal(expected, entry.Message);
    }

    private static Dictionary<string, string?> Settings(string? authority, string? audience)
    {
        var settings = SkillServices.DefaultSettings(verifySignatures: true);
        if (authority is not null)
        {
            settings["RiderIdentity:Authority"] = authority;
        }

        if (audience is not null)
        {
            settings["RiderIdentity:Audience"] = audience;
        }

        return settings;
    }
}
