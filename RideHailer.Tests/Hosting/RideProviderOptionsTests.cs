using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Rides.Http;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Hosting;

/// <summary><c>RideProvider:*</c>: the built-in fleet by default; <c>Http</c> needs a root, a key and a secret, each fix named.</summary>
public sealed class RideProviderOptionsTests
{
    private const string Key = "key-that-must-not-be-echoed";
    private const string Secret = "secret-that-must-not-be-echoed";

    [Fact]
    public void ByDefault_TheProviderIsTheBuiltInFleet()
    {
        using var host = SkillServices.Build();

        Assert.IsType<LocalFleet>(host.Services.GetRequiredService<IRideProvider>());
    }

    [Fact]
    public void LocalSettingsSample_ListsTheRideProviderSettings_AndStartsWithTheBuiltInFleet()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryDirectory.PathOf("RideHailer.Functions", "local.settings.sample.json")))!["Values"]!.AsObject();
        var settings = sample.ToDictionary(setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value);

        using var host = SkillServices.Build(settings);

        Assert.All(["RideProvider:Kind", "RideProvider:BaseUrl", "RideProvider:ApiKey", "RideProvider:WebhookSecret"], name => Assert.True(settings.ContainsKey(name), name));
        Assert.IsType<LocalFleet>(host.Services.GetRequiredService<IRideProvider>());
    }

    [Fact]
    public void KindHttp_WithEverythingSet_IsTheHttpAdapter()
    {
        using var host = SkillServices.Build(Settings("https://rides.example.com"));

        Assert.IsType<HttpRideProvider>(host.Services.GetRequiredService<IRideProvider>());
    }

    [Fact]
    public void KindHttp_WithNothingSet_NamesEachSettingAndHowToSetIt()
    {
        var settings = SkillServices.DefaultSettings();
        settings["RideProvider:Kind"] = "Http";
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RideProviderOptions>>().Value);

        Assert.Contains("RideProvider:BaseUrl is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("RideProvider__ApiKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("RideProvider__WebhookSecret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://rides.example.com", "Development")]
    [InlineData("http://127.0.0.1:8080", "Production")]
    [InlineData("https://rides.example.com/v1", "Development")]
    [InlineData("https://rides.example.com/?region=us", "Development")]
    [InlineData("rides.example.com", "Development")]
    public void KindHttp_ABaseUrlThatIsNotAnHttpsRoot_FailsNamingItButNotTheSecrets(string baseUrl, string environment)
    {
        using var host = SkillServices.Build(Settings(baseUrl), environment);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RideProviderOptions>>().Value);

        Assert.Contains("RideProvider:BaseUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KindHttp_AnHttpLoopbackRoot_IsAcceptedInDevelopment()
    {
        using var host = SkillServices.Build(Settings("http://127.0.0.1:8080/sample-provider"));

        Assert.Equal("http://127.0.0.1:8080/sample-provider/", host.Services.GetRequiredService<IOptions<RideProviderOptions>>().Value.BaseAddress.ToString());
    }

    private static Dictionary<string, string?> Settings(string baseUrl)
    {
        var settings = SkillServices.DefaultSettings();
        settings["RideProvider:Kind"] = "Http";
        settings["RideProvider:BaseUrl"] = baseUrl;
        settings["RideProvider:ApiKey"] = Key;
        settings["RideProvider:WebhookSecret"] = Secret;
        return settings;
    }
}
