using System.Text.Json.Nodes;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Infra;

/// <summary>
/// The app settings infra/main.bicep gives the function app against the names the app binds,
/// whose contract is RideHailer.Functions/local.settings.sample.json: renaming a setting on either
/// side fails here instead of at the first request in Azure.
/// </summary>
[Collection(BicepTemplateCollectionDefinition.Name)]
public sealed class AppSettingsContractTests(BicepTemplateFixture fixture)
{
    // Sections bound to the app's options (AlexaOptions, BookingOptions, SessionOptions, RiderIdentityOptions, PlacesOptions)
    // and its connection strings.
    private static readonly string[] AppSections = ["Alexa__", "Booking__", "Session__", "RiderIdentity__", "Places__", "ConnectionStrings__"];

    // Settings that are off unless given a value: the template always sets them, from a parameter whose default
    // is empty, and the sample lists them empty (an empty value binds as unset).
    private static readonly (string Setting, string Parameter)[] OptionalFromParameters =
    [
        ("RiderIdentity__Authority", "riderIdentityAuthority"),
        ("RiderIdentity__Audience", "riderIdentityAudience"),
    ];

    // Settings with no default: Azure must set them and so must a local run.
    private static readonly string[] RequiredEverywhere = ["Alexa__SkillId", "Booking__PinPolicy", "ConnectionStrings__Tables"];

    // Flex Consumption takes the runtime and package location from functionAppConfig and refuses these.
    private static readonly string[] RejectedByFlexConsumption =
    [
        "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE",
    ];

    [LinuxX64Fact]
    public async Task AppSettings_EveryAppSettingTheTemplateSets_IsNamedInTheLocalSettingsSample()
    {
        var sample = SampleSettings();

        var unknown = (await AppSettingsAsync()).Select(setting => setting.Key)
            .Where(name => AppSections.Any(section => name.StartsWith(section, StringComparison.Ordinal)))
            .Where(name => !sample.ContainsKey(name));

        Assert.Empty(unknown);
    }

    [LinuxX64Fact]
    public async Task AppSettings_SettingsWithoutDefaults_AreInTheTemplateAndTheSample()
    {
        var template = await AppSettingsAsync();
        var sample = SampleSettings();

        Assert.All(RequiredEverywhere, name =>
        {
            Assert.True(template.ContainsKey(name), $"infra/app/function-app.bicep does not set {name}.");
            Assert.True(sample.ContainsKey(name), $"local.settings.sample.json does not list {name}.");
        });
    }

    [LinuxX64Fact]
    public async Task AppSettings_SkillIdAndPinPolicy_ComeFromTheTemplateParameters()
    {
        var template = await fixture.TemplateAsync();
        var settings = AppSettingsResource(template);
        var samplePolicy = SampleSettings()["Booking__PinPolicy"]?.GetValue<string>();

        Assert.Equal("[parameters('alexaSkillId')]", settings.PropertyText("Alexa__SkillId"));
        Assert.Equal("[parameters('pinPolicy')]", settings.PropertyText("Booking__PinPolicy"));
        Assert.Contains(samplePolicy, template.Parameters["pinPolicy"]?["allowedValues"]?.AsArray().Select(value => value?.GetValue<string>()) ?? []);
    }

    [LinuxX64Fact]
    public async Task AppSettings_OptionalSettings_ComeFromParametersThatDefaultToEmpty()
    {
        var template = await fixture.TemplateAsync();
        var settings = AppSettingsResource(template);
        var sample = SampleSettings();

        Assert.All(OptionalFromParameters, optional =>
        {
            Assert.Equal($"[parameters('{optional.Parameter}')]", settings.PropertyText(optional.Setting));
            Assert.Equal("", template.Parameters[optional.Parameter]?["defaultValue"]?.GetValue<string>());
            Assert.Equal("", sample[optional.Setting]?.GetValue<string>());
        });
    }

    [LinuxX64Fact]
    public async Task AppSettings_HostStorage_IsIdentityBasedWithBlobQueueAndTableEndpoints()
    {
        var settings = await AppSettingsAsync();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]?.GetValue<string>());
        Assert.Contains("clientId", Text(settings, "AzureWebJobsStorage__clientId"), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.blob", Text(settings, "AzureWebJobsStorage__blobServiceUri"), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.queue", Text(settings, "AzureWebJobsStorage__queueServiceUri"), StringComparison.Ordinal);
        Assert.Contains("primaryEndpoints.table", Text(settings, "AzureWebJobsStorage__tableServiceUri"), StringComparison.Ordinal);
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting is a connection string with a key.");
    }

    [LinuxX64Fact]
    public async Task AppSettings_BookingsStore_GetsTheTableServiceUriAndTheIdentitysClientId()
    {
        var settings = await AppSettingsAsync();

        Assert.Contains("primaryEndpoints.table", Text(settings, "ConnectionStrings__Tables"), StringComparison.Ordinal);
        Assert.Contains("clientId", Text(settings, "AZURE_CLIENT_ID"), StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task AppSettings_ApplicationInsights_AuthenticatesWithEntraId()
    {
        var settings = await AppSettingsAsync();

        Assert.Contains("ConnectionString", Text(settings, "APPLICATIONINSIGHTS_CONNECTION_STRING"), StringComparison.Ordinal);
        var authentication = Text(settings, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD'", authentication, StringComparison.Ordinal);
        Assert.Contains("clientId", authentication, StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task AppSettings_Places_AreAzureMapsSignedInWithTheIdentity_WithNoKey()
    {
        var template = await fixture.TemplateAsync();
        var settings = AppSettingsResource(template);

        Assert.Equal("AzureMaps", settings.PropertyText("Places__Kind"));
        // The account's uniqueId: the maps module's output, handed to the app's module.
        var clientId = settings.PropertyText("Places__ClientId");
        Assert.Contains("'maps')", clientId, StringComparison.Ordinal);
        Assert.Contains(".outputs.clientId.value", clientId, StringComparison.Ordinal);
        var mapsOutput = Assert.Single(template.Outputs, output => output.Deployment == "maps" && output.Name == "clientId");
        Assert.Contains("Microsoft.Maps/accounts", mapsOutput.Value, StringComparison.Ordinal);
        Assert.Contains(".uniqueId]", mapsOutput.Value, StringComparison.Ordinal);
        var properties = Assert.IsType<JsonObject>(settings.Properties, exactMatch: true);
        Assert.False(properties.ContainsKey("Places__SubscriptionKey"), "No Azure Maps key belongs in the app settings.");
        Assert.False(properties.ContainsKey("Places__Endpoint"), "The endpoint is the options' default, https://atlas.microsoft.com.");
    }

    [LinuxX64Fact]
    public async Task AppSettings_LeaveOutWhatFlexConsumptionRefuses()
    {
        var settings = await AppSettingsAsync();

        Assert.All(RejectedByFlexConsumption, name => Assert.False(settings.ContainsKey(name), $"{name} must not be set on Flex Consumption."));
    }

    private async Task<JsonObject> AppSettingsAsync() =>
        Assert.IsType<JsonObject>(AppSettingsResource(await fixture.TemplateAsync()).Properties, exactMatch: true);

    private static TemplateResource AppSettingsResource(CompiledTemplate template) =>
        Assert.Single(
            template.OfType("Microsoft.Web/sites/config"),
            config => config.Body["name"]?.GetValue<string>().EndsWith("'appsettings')]", StringComparison.Ordinal) == true);

    private static JsonObject SampleSettings()
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryDirectory.PathOf("RideHailer.Functions", "local.settings.sample.json")));
        return Assert.IsType<JsonObject>(sample?["Values"], exactMatch: true);
    }

    private static string Text(JsonObject settings, string name) =>
        settings[name]?.GetValue<string>() ?? $"<{name} is not set>";
}
