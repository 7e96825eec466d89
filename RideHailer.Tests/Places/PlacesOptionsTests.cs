using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;
using RideHailer.Skill.Places.AzureMaps;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Places;

/// <summary>Places:Kind picks the place search; a wrong or half-done setting stops the start with how to fix it.</summary>
public sealed class PlacesOptionsTests
{
    private const string Key = "fake-maps-key-0123456789abcdef";
    private const string ClientId = "6f3b2c1d-8e4a-4b7c-9d2e-1a5f0c3b7e9d";

    [Fact]
    public void Default_IsTheBuiltInCatalog()
    {
        using var host = SkillServices.Build();

        var options = host.Services.GetRequiredService<IOptions<PlacesOptions>>().Value;

        Assert.Equal(PlacesKind.BuiltIn, options.Kind);
        Assert.Equal(new Uri("https://atlas.microsoft.com"), options.EffectiveEndpoint);
        Assert.Same(PlaceCatalog.Default, host.Services.GetRequiredService<IPlaceSearch>());
    }

    [Theory]
    [InlineData("Production", null, Key, null)]
    [InlineData("Production", "https://eu.atlas.microsoft.com", null, ClientId)]
    [InlineData("Production", "https://atlas.microsoft.com/", Key, "")]
    [InlineData("Development", "http://127.0.0.1:5123", Key, null)]
    [InlineData("Development", "http://localhost:5123/", null, ClientId)]
    public void AzureMaps_WithAnEndpointAndOneCredential_SelectsTheAzureMapsSearch(string environment, string? endpoint, string? key, string? clientId)
    {
        using var host = SkillServices.Build(Settings("AzureMaps", endpoint, key, clientId), environment);

        Assert.IsType<AzureMapsPlaceSearch>(host.Services.GetRequiredService<IPlaceSearch>());
    }

    [Fact]
    public void AzureMaps_WithoutACredential_AsksForTheClientIdOrAKey()
    {
        var message = Failure(Settings("AzureMaps"));

        Assert.Contains("Places:Kind=AzureMaps needs a way to sign in", message, StringComparison.Ordinal);
        Assert.Contains("set Places__ClientId to the account's uniqueId", message, StringComparison.Ordinal);
        Assert.Contains("Azure Maps Data Reader", message, StringComparison.Ordinal);
        Assert.Contains("Places__SubscriptionKey", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureMaps_WithBothCredentials_AsksToKeepOne_WithoutQuotingTheKey()
    {
        var message = Failure(Settings("AzureMaps", key: Key, clientId: ClientId));

        Assert.Contains("Places:SubscriptionKey and Places:ClientId are both set: keep one.", message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", "http://atlas.microsoft.com")]
    [InlineData("Production", "http://127.0.0.1:5123")]
    [InlineData("Development", "http://maps.example.com")]
    [InlineData("Production", "https://atlas.microsoft.com/geocode")]
    [InlineData("Production", "https://atlas.microsoft.com/?subscription-key=x")]
    [InlineData("Production", "https://user:pass@atlas.microsoft.com")]
    [InlineData("Production", "atlas.microsoft.com")]
    public void AzureMaps_WithAnEndpointThatIsNotHttpsOrLocal_FailsNamingTheSetting(string environment, string endpoint)
    {
        var message = Failure(Settings("AzureMaps", endpoint, key: Key), environment);

        Assert.Contains($"Places:Endpoint '{endpoint}' must be an absolute https URL", message, StringComparison.Ordinal);
        Assert.Contains($"this is '{environment}'", message, StringComparison.Ordinal);
        Assert.Contains("or remove it for https://atlas.microsoft.com", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureMaps_WithAClientIdThatIsNotAGuid_SaysWhereToFindIt()
    {
        var message = Failure(Settings("AzureMaps", clientId: "my-maps-account"));

        Assert.Contains("Places:ClientId 'my-maps-account' is not the Azure Maps account's uniqueId (a GUID)", message, StringComparison.Ordinal);
        Assert.Contains("az maps account show --query properties.uniqueId", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureMaps_WithAKeyHoldingALineBreak_FailsWithoutQuotingIt()
    {
        const string Broken = "first-half\nsecond-half";

        var message = Failure(Settings("AzureMaps", key: Broken));

        Assert.Contains("Places:SubscriptionKey holds spaces or line breaks", message, StringComparison.Ordinal);
        Assert.DoesNotContain("first-half", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Key, null, "Places:SubscriptionKey is set but Places:Kind is BuiltIn: set Places__Kind=AzureMaps")]
    [InlineData(null, ClientId, "Places:ClientId is set but Places:Kind is BuiltIn: set Places__Kind=AzureMaps")]
    public void BuiltIn_WithAzureMapsCredentials_IsAHalfDoneConfiguration(string? key, string? clientId, string expected)
    {
        var message = Failure(Settings("BuiltIn", key: key, clientId: clientId));

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKind_FailsNamingTheChoices()
    {
        var message = Failure(Settings("7"));

        Assert.Contains("Places:Kind '7' is not a place search: set Places__Kind to BuiltIn", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSetting_StopsTheHostAtStart()
    {
        using var host = SkillServices.Build(Settings("AzureMaps"));

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void LocalSettingsSample_BindsAsTheBuiltInCatalog()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryDirectory.PathOf("RideHailer.Functions", "local.settings.sample.json")))!["Values"]!.AsObject();
        var settings = sample.ToDictionary(setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => (string?)setting.Value);
        Assert.True(settings.ContainsKey("Places:Kind"), "local.settings.sample.json lists Places__Kind");

        using var host = SkillServices.Build(settings);

        Assert.Same(PlaceCatalog.Default, host.Services.GetRequiredService<IPlaceSearch>());
    }

    private static string Failure(Dictionary<string, string?> settings, string environment = "Production")
    {
        using var host = SkillServices.Build(settings, environment);
        return Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PlacesOptions>>().Value).Message;
    }

    private static Dictionary<string, string?> Settings(string kind, string? endpoint = null, string? key = null, string? clientId = null)
    {
        var settings = SkillServices.DefaultSettings();
        settings["Places:Kind"] = kind;
        if (endpoint is not null)
        {
            settings["Places:Endpoint"] = endpoint;
        }

        settings["Places:SubscriptionKey"] = key;
        settings["Places:ClientId"] = clientId;
        return settings;
    }
}
