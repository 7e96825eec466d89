using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support.Infra;

/// <summary>
/// The ARM JSON <c>bicep build</c> prints for infra/main.bicep. Each module compiles to a
/// Microsoft.Resources/deployments resource holding its own template; resources and outputs are
/// collected from every level so a check cannot miss one nested in a module.
/// </summary>
internal sealed class CompiledTemplate
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    private CompiledTemplate(string json, JsonObject root)
    {
        Json = json;
        Root = root;
        Collect(root, "main", moduleParameters: null);
    }

    /// <summary>The template as Bicep printed it.</summary>
    public string Json { get; }

    public JsonObject Root { get; }

    public JsonObject Parameters => Root["parameters"]?.AsObject() ?? [];

    public List<TemplateResource> Resources { get; } = [];

    public List<TemplateOutput> Outputs { get; } = [];

    public static CompiledTemplate Parse(string json) =>
        new(json, JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("bicep build printed no template."));

    public IReadOnlyList<TemplateResource> OfType(string type) =>
        Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    private void Collect(JsonObject template, string deployment, JsonObject? moduleParameters)
    {
        if (template["outputs"] is JsonObject outputs)
        {
            foreach (var (name, output) in outputs)
            {
                Outputs.Add(new TemplateOutput(deployment, name, output!.AsObject()));
            }
        }

        foreach (var resource in ResourcesOf(template))
        {
            var type = resource["type"]?.GetValue<string>() ?? "";
            Resources.Add(new TemplateResource(type, resource, moduleParameters));
            if (type == DeploymentType && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, resource["name"]?.GetValue<string>() ?? "", resource["properties"]?["parameters"] as JsonObject);
            }
        }
    }

    // languageVersion 2.0 templates (symbolic names) hold resources in an object instead of an array.
    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(entry => entry.Value).OfType<JsonObject>(),
        _ => [],
    };
}
