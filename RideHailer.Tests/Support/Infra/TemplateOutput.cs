using System.Text.Json.Nodes;

namespace RideHailer.Tests.Support.Infra;

/// <summary>An output of the compiled template or of one of its modules' nested templates.</summary>
internal sealed record TemplateOutput(string Deployment, string Name, JsonObject Body)
{
    public string Value => Body["value"]?.ToJsonString() ?? "";
}
