using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Infra;

[Collection(BicepTemplateCollectionDefinition.Name)]
public sealed partial class MainTemplateTests(BicepTemplateFixture fixture)
{
    // Built-in role ids → what the identity needs them for and the only resource type they may be granted on.
    private static readonly Dictionary<string, (string Role, string Scope)> NeededRoles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = ("Storage Blob Data Owner", "Microsoft.Storage/storageAccounts"),
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = ("Storage Queue Data Contributor", "Microsoft.Storage/storageAccounts"),
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = ("Storage Table Data Contributor", "Microsoft.Storage/storageAccounts"),
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = ("Monitoring Metrics Publisher", "Microsoft.Insights/components"),
        ["423170ca-a8f6-4b0f-8487-9e4eb8f49bfa"] = ("Azure Maps Data Reader", "Microsoft.Maps/accounts"),
    };

    [LinuxX64Fact]
    public async Task MainBicep_BuildAndLint_ReportNoErrorsOrWarnings()
    {
        var build = await fixture.BuildAsync();
        var lint = await fixture.LintAsync();

        Assert.True(build.HasNoDiagnostics, build.Describe());
        Assert.True(lint.HasNoDiagnostics && string.IsNullOrWhiteSpace(lint.StandardOutput), lint.Describe() + lint.StandardOutput);
    }

    [LinuxX64Fact]
    public async Task Plan_IsFlexConsumptionFc1OnLinux()
    {
        var plan = Assert.Single((await fixture.TemplateAsync()).OfType("Microsoft.Web/serverfarms"));

        Assert.Equal("FC1", plan.Body["sku"]?["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", plan.Body["sku"]?["tier"]?.GetValue<string>());
        Assert.True(plan.Properties?["reserved"]?.GetValue<bool>(), "A Flex Consumption plan is Linux: reserved must be true.");
    }

    [LinuxX64Fact]
    public async Task FunctionApp_DeploysFromBlobContainerAsTheUserAssignedIdentity()
    {
        var app = Assert.Single((await fixture.TemplateAsync()).OfType("Microsoft.Web/sites"));

        Assert.Equal("functionapp,linux", app.Body["kind"]?.GetValue<string>());
        Assert.Equal("UserAssigned", app.Body["identity"]?["type"]?.GetValue<string>());
        Assert.True(app.Properties?["httpsOnly"]?.GetValue<bool>());
        Assert.Equal("blobContainer", app.PropertyText("functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", app.PropertyText("functionAppConfig.deployment.storage.authentication.type"));
        Assert.Contains("primaryEndpoints.blob", app.PropertyText("functionAppConfig.deployment.storage.value"), StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task FunctionApp_RuntimeIsDotnetIsolatedAtTheSolutionsTargetFramework()
    {
        var app = Assert.Single((await fixture.TemplateAsync()).OfType("Microsoft.Web/sites"));
        var targetFramework = XDocument.Load(RepositoryDirectory.PathOf("Directory.Build.props"))
            .Descendants("TargetFramework").Single().Value;

        Assert.Equal("dotnet-isolated", app.PropertyText("functionAppConfig.runtime.name"));
        Assert.Equal(targetFramework["net".Length..], app.PropertyText("functionAppConfig.runtime.version"));
    }

    [LinuxX64Fact]
    public async Task FunctionApp_ScaleComesFromParameters_WithOptionalAlwaysReadyHttpAndDurableInstances()
    {
        var template = await fixture.TemplateAsync();
        var app = Assert.Single(template.OfType("Microsoft.Web/sites"));

        Assert.Equal("[parameters('instanceMemoryMB')]", app.PropertyText("functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        Assert.Equal("[parameters('maximumInstanceCount')]", app.PropertyText("functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
        var alwaysReady = app.PropertyText("functionAppConfig.scaleAndConcurrency.alwaysReady");
        Assert.Contains("parameters('alwaysReadyHttpInstance')", alwaysReady, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'http', 'instanceCount', 1)", alwaysReady, StringComparison.Ordinal);
        Assert.Equal("bool", template.Parameters["alwaysReadyHttpInstance"]?["type"]?.GetValue<string>());
        // Flex Consumption scales the Durable triggers on instances of their own (Microsoft's Flex guidance for Durable
        // Functions: one always-ready instance in the `durable` group).
        Assert.Contains("parameters('alwaysReadyDurableInstance')", alwaysReady, StringComparison.Ordinal);
        Assert.Contains("createObject('name', 'durable', 'instanceCount', 1)", alwaysReady, StringComparison.Ordinal);
        Assert.True(template.Parameters["alwaysReadyDurableInstance"]?["defaultValue"]?.GetValue<bool>());
        Assert.Equal([512, 2048, 4096], Values<int>(template.Parameters["instanceMemoryMB"]?["allowedValues"]));
        Assert.Equal(1000, template.Parameters["maximumInstanceCount"]?["maxValue"]?.GetValue<int>());
    }

    [LinuxX64Fact]
    public async Task FunctionApp_HttpConcurrencyIsThePlatformDefault_UnlessTheParameterSetsIt()
    {
        var template = await fixture.TemplateAsync();
        var app = Assert.Single(template.OfType("Microsoft.Web/sites"));

        // 0 leaves `triggers` out (null), so Flex Consumption keeps choosing the concurrency by instance size.
        Assert.Equal(
            "[if(greater(parameters('httpPerInstanceConcurrency'), 0), createObject('http', createObject('perInstanceConcurrency', parameters('httpPerInstanceConcurrency'))), null())]",
            app.PropertyText("functionAppConfig.scaleAndConcurrency.triggers"));
        Assert.Equal(0, template.Parameters["httpPerInstanceConcurrency"]?["defaultValue"]?.GetValue<int>());
        Assert.Equal(0, template.Parameters["httpPerInstanceConcurrency"]?["minValue"]?.GetValue<int>());
    }

    [LinuxX64Fact]
    public async Task StorageAccount_DisablesSharedKeyAccessAndRequiresTls12()
    {
        var template = await fixture.TemplateAsync();
        var storage = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));

        Assert.False(storage.Properties?["allowSharedKeyAccess"]?.GetValue<bool>() ?? true, "allowSharedKeyAccess must be false.");
        Assert.Equal("TLS1_2", storage.PropertyText("minimumTlsVersion"));
        Assert.False(storage.Properties?["allowBlobPublicAccess"]?.GetValue<bool>() ?? true, "allowBlobPublicAccess must be false.");
        Assert.True(storage.Properties?["supportsHttpsTrafficOnly"]?.GetValue<bool>());
        Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
    }

    [LinuxX64Fact]
    public async Task SecurityBenchmark_FtpsOffSoftDeleteOnDiagnosticsToLogAnalytics_NetworkDefaultIsAParameter()
    {
        var template = await fixture.TemplateAsync();

        var site = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Equal("Disabled", site.Properties?["siteConfig"]?["ftpsState"]?.GetValue<string>());
        var blobService = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts/blobServices"));
        Assert.True(blobService.Properties?["deleteRetentionPolicy"]?["enabled"]?.GetValue<bool>(), "blob soft delete must be on.");
        Assert.True(blobService.Properties?["containerDeleteRetentionPolicy"]?["enabled"]?.GetValue<bool>(), "container soft delete must be on.");
        var diagnostics = template.OfType("Microsoft.Insights/diagnosticSettings").ToList();
        Assert.Equal(3, diagnostics.Count);
        Assert.All(diagnostics, setting => Assert.NotNull(setting.Properties?["workspaceId"]));
        var storage = Assert.Single(template.OfType("Microsoft.Storage/storageAccounts"));
        Assert.Contains("networkDefaultAction", storage.Properties?["networkAcls"]?["defaultAction"]?.ToString(), StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task Identity_IsOneUserAssignedIdentity()
    {
        var template = await fixture.TemplateAsync();

        Assert.Single(template.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.All(
            template.Resources.Where(resource => resource.Body["identity"] is not null),
            resource => Assert.Equal("UserAssigned", resource.Body["identity"]?["type"]?.GetValue<string>()));
    }

    [LinuxX64Fact]
    public async Task RoleAssignments_GrantTheIdentityExactlyTheDataRolesItNeeds_EachOnItsOwnResource()
    {
        var assignments = (await fixture.TemplateAsync()).OfType("Microsoft.Authorization/roleAssignments");

        var granted = assignments.Select(assignment =>
        {
            var roleId = RoleDefinitionGuid().Match(assignment.PropertyText("roleDefinitionId")).Value;
            var scope = assignment.Resolve(assignment.Body["scope"]?.GetValue<string>() ?? "");
            var scopeType = NeededRoles.Values.Select(role => role.Scope).FirstOrDefault(type => scope.Contains($"'{type}'", StringComparison.Ordinal));
            Assert.Equal("ServicePrincipal", assignment.PropertyText("principalType"));
            Assert.Contains("'identity'", assignment.PropertyText("principalId"), StringComparison.Ordinal);
            return $"{roleId} on {scopeType ?? scope}";
        });

        Assert.Equal(
            NeededRoles.Select(role => $"{role.Key} on {role.Value.Scope}").Order(),
            granted.Order());
    }

    [LinuxX64Fact]
    public async Task Monitoring_LogAnalyticsAndApplicationInsightsDisableLocalAuth()
    {
        var template = await fixture.TemplateAsync();
        var workspace = Assert.Single(template.OfType("Microsoft.OperationalInsights/workspaces"));
        var insights = Assert.Single(template.OfType("Microsoft.Insights/components"));

        Assert.True(workspace.Properties?["features"]?["disableLocalAuth"]?.GetValue<bool>());
        Assert.True(insights.Properties?["DisableLocalAuth"]?.GetValue<bool>());
        Assert.NotEqual("", insights.PropertyText("WorkspaceResourceId"));
    }

    [LinuxX64Fact]
    public async Task MapsAccount_IsGen2AndTakesNoKeys_InARegionFromAParameter()
    {
        var template = await fixture.TemplateAsync();
        var maps = Assert.Single(template.OfType("Microsoft.Maps/accounts"));

        Assert.Equal("Gen2", maps.Body["kind"]?.GetValue<string>());
        Assert.Equal("G2", maps.Body["sku"]?["name"]?.GetValue<string>());
        Assert.True(maps.Properties?["disableLocalAuth"]?.GetValue<bool>(), "disableLocalAuth must be true: the app signs in with its identity.");
        Assert.Contains("mapsLocation", maps.Resolve(maps.Body["location"]?.GetValue<string>() ?? ""), StringComparison.Ordinal);
        Assert.Contains("westeurope", Values<string>(template.Parameters["mapsLocation"]?["allowedValues"]));
    }

    [LinuxX64Fact]
    public async Task Template_ListsNoKeysAndTakesNoSecrets()
    {
        var template = await fixture.TemplateAsync();

        Assert.DoesNotMatch(ListFunctionCall(), template.Json);
        Assert.DoesNotMatch(KeyMaterial(), template.Json);
        Assert.All(
            template.Parameters,
            parameter => Assert.DoesNotContain("secure", parameter.Value?["type"]?.GetValue<string>() ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [LinuxX64Fact]
    public async Task Outputs_HoldNoConnectionStringsKeysOrSecrets()
    {
        var outputs = (await fixture.TemplateAsync()).Outputs;

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            Assert.DoesNotMatch(SecretName(), output.Name);
            Assert.DoesNotMatch(SecretValue(), output.Value);
        });
    }

    [LinuxX64Fact]
    public async Task Outputs_GiveTheSkillEndpointAndTheResourceNames()
    {
        var template = await fixture.TemplateAsync();
        var outputs = template.Outputs.Where(output => output.Deployment == "main").ToDictionary(output => output.Name);

        Assert.Contains("https://{0}/api/alexa", outputs["ALEXA_SKILL_ENDPOINT"].Value, StringComparison.Ordinal);
        Assert.Contains("defaultHostName", outputs["ALEXA_SKILL_ENDPOINT"].Value, StringComparison.Ordinal);
        Assert.Subset(
            outputs.Keys.ToHashSet(),
            new HashSet<string>
            {
                "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_NAME",
                "AZURE_USER_ASSIGNED_IDENTITY_NAME", "AZURE_APPLICATION_INSIGHTS_NAME", "AZURE_LOG_ANALYTICS_NAME",
            });
    }

    [LinuxX64Fact]
    public async Task Parameters_SkillIdIsRequired_PinPolicyIsOneOfItsTwoValues()
    {
        var parameters = (await fixture.TemplateAsync()).Parameters;

        Assert.Null(parameters["alexaSkillId"]?["defaultValue"]);
        Assert.True(parameters["alexaSkillId"]?["minLength"]?.GetValue<int>() >= 1, "An empty skill id must not deploy.");
        Assert.Equal(["Mandatory", "Optional"], Values<string>(parameters["pinPolicy"]?["allowedValues"]));
        Assert.Equal("Mandatory", parameters["pinPolicy"]?["defaultValue"]?.GetValue<string>());
    }

    private static T[] Values<T>(JsonNode? array) =>
        array?.AsArray().Select(item => item!.GetValue<T>()).ToArray() ?? [];

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex RoleDefinitionGuid();

    // listKeys, listAccountSas, listConnectionStrings, listSecrets…: every ARM function that returns a secret.
    [GeneratedRegex(@"\blist[A-Za-z]*\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListFunctionCall();

    [GeneratedRegex("AccountKey|SharedAccessSignature|SharedAccessKey|UseDevelopmentStorage", RegexOptions.IgnoreCase)]
    private static partial Regex KeyMaterial();

    [GeneratedRegex("connectionstring|key|secret|password", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("connectionstring|instrumentationkey|accountkey|listkeys|secret|password", RegexOptions.IgnoreCase)]
    private static partial Regex SecretValue();
}
