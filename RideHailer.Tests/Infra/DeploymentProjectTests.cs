using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Infra;

/// <summary>
/// What azd reads beside the template (azure.yaml, infra/main.parameters.json) and the deploy guide
/// a developer follows (docs/deploy.md) against the compiled template's parameters and outputs.
/// </summary>
[Collection(BicepTemplateCollectionDefinition.Name)]
public sealed partial class DeploymentProjectTests(BicepTemplateFixture fixture)
{
    [LinuxX64Fact]
    public async Task ParametersFile_WiresOnlyParametersTheTemplateDeclares()
    {
        var declared = (await fixture.TemplateAsync()).Parameters.Select(parameter => parameter.Key);

        Assert.Subset(declared.ToHashSet(), ParametersFile().Select(parameter => parameter.Key).ToHashSet());
    }

    [LinuxX64Fact]
    public async Task ParametersFile_WiresEveryParameterWithoutADefault()
    {
        var required = (await fixture.TemplateAsync()).Parameters
            .Where(parameter => parameter.Value?["defaultValue"] is null)
            .Select(parameter => parameter.Key);

        Assert.Subset(ParametersFile().Select(parameter => parameter.Key).ToHashSet(), required.ToHashSet());
    }

    [LinuxX64Fact]
    public async Task AzureYaml_DeploysTheFunctionsProjectToTheAppTaggedWithItsServiceName()
    {
        var template = await fixture.TemplateAsync();
        var azureYaml = File.ReadAllText(RepositoryDirectory.PathOf("azure.yaml"));
        var service = AzdService().Match(azureYaml);

        Assert.True(service.Success, "azure.yaml should declare one service with project, language and host.");
        Assert.Equal(template.Root["variables"]?["serviceName"]?.GetValue<string>(), service.Groups["name"].Value);
        Assert.Equal("function", service.Groups["host"].Value);
        Assert.True(
            File.Exists(RepositoryDirectory.PathOf(service.Groups["project"].Value, "RideHailer.Functions.csproj")),
            $"azure.yaml's project {service.Groups["project"].Value} does not hold RideHailer.Functions.csproj.");
        var app = Assert.Single(template.OfType("Microsoft.Web/sites"));
        Assert.Contains("'azd-service-name', parameters('serviceName')", app.Body["tags"]?.GetValue<string>(), StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task DeployGuide_NamesEveryOutputAndEveryAzdEnvironmentValue()
    {
        var outputs = (await fixture.TemplateAsync()).Outputs.Where(output => output.Deployment == "main").Select(output => output.Name);
        var environmentValues = ParametersFile()
            .Select(parameter => AzdEnvironmentReference().Match(parameter.Value?["value"]?.GetValue<string>() ?? ""))
            .Where(reference => reference.Success)
            .Select(reference => reference.Groups["name"].Value)
            .Where(name => name is not "AZURE_ENV_NAME" and not "AZURE_LOCATION");
        var guide = File.ReadAllText(RepositoryDirectory.PathOf("docs", "deploy.md"));

        Assert.All(outputs.Concat(environmentValues), name => Assert.Contains(name, guide, StringComparison.Ordinal));
    }

    private static JsonObject ParametersFile()
    {
        var file = JsonNode.Parse(File.ReadAllText(RepositoryDirectory.PathOf("infra", "main.parameters.json")));
        return Assert.IsType<JsonObject>(file?["parameters"], exactMatch: true);
    }

    [GeneratedRegex(@"^\$\{(?<name>[A-Z0-9_]+)(=[^}]*)?\}$")]
    private static partial Regex AzdEnvironmentReference();

    [GeneratedRegex(@"^services:\s*\n  (?<name>[\w-]+):\s*\n(?:    .*\n)*?    project: \./?(?<project>[^\s/]+)/?\s*\n(?:    .*\n)*?    host: (?<host>\w+)", RegexOptions.Multiline)]
    private static partial Regex AzdService();
}
