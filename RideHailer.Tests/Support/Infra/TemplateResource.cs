using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RideHailer.Tests.Support.Infra;

/// <summary>
/// One resource of the compiled template, at any depth, with the parameter values its module call
/// passes (null at the top level), so a module's <c>[parameters('x')]</c> can be traced to the caller.
/// </summary>
internal sealed partial record TemplateResource(string Type, JsonObject Body, JsonObject? ModuleParameters)
{
    public JsonNode? Properties => Body["properties"];

    /// <summary>
    /// The expression with each <c>parameters('x')</c> replaced by what the module call passes for x:
    /// a literal as it is, an expression without its brackets. Parameters the caller does not pass
    /// as a plain <c>value</c> stay as they are.
    /// </summary>
    public string Resolve(string expression) => ParameterReference().Replace(expression, reference =>
        ModuleParameters?[reference.Groups["name"].Value] is JsonObject parameter
            && parameter["value"] is JsonValue value
            && value.TryGetValue(out string? passed)
            ? passed.StartsWith('[') ? passed[1..^1] : passed
            : reference.Value);

    /// <summary>A property of this resource (dotted path below <c>properties</c>) as JSON text, module parameters resolved.</summary>
    public string PropertyText(string path)
    {
        var node = Properties;
        foreach (var segment in path.Split('.'))
        {
            node = node is JsonObject parent ? parent[segment] : null;
        }

        return node is null ? "" : Resolve(node is JsonValue value && value.TryGetValue(out string? text) ? text : node.ToJsonString());
    }

    [GeneratedRegex(@"parameters\('(?<name>[^']+)'\)")]
    private static partial Regex ParameterReference();
}
