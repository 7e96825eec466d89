using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using RideHailer.Skill.Rides.Http;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Docs;

/// <summary>
/// docs/ride-provider-api.openapi.yaml and the skill agree: every example parses through the contract's wire records
/// (and writes back the same JSON), and the adapter's calls are exactly the file's paths and methods.
/// </summary>
public sealed partial class RideProviderApiDocTests
{
    private static readonly string[] Lines = File.ReadAllLines(RepositoryDirectory.PathOf("docs", "ride-provider-api.openapi.yaml"));

    private static readonly Dictionary<string, JsonTypeInfo> WireTypes = new()
    {
        ["QuoteRequest"] = RideProviderJsonContext.Default.WireQuoteRequest,
        ["Quote"] = RideProviderJsonContext.Default.WireQuote,
        ["RideRequest"] = RideProviderJsonContext.Default.WireRideRequest,
        ["Ride"] = RideProviderJsonContext.Default.WireRide,
        ["CancelRequest"] = RideProviderJsonContext.Default.WireCancelRequest,
        ["Cancellation"] = RideProviderJsonContext.Default.WireCancellation,
        ["CancelFee"] = RideProviderJsonContext.Default.WireCancelFee,
        ["Error"] = RideProviderJsonContext.Default.WireError,
        ["RideEvent"] = RideProviderJsonContext.Default.WireRideEvent,
    };

    public static TheoryData<int, string, string> Examples()
    {
        var examples = new TheoryData<int, string, string>();
        string? schema = null;
        for (var index = 0; index < Lines.Length; index++)
        {
            if (SchemaRef().Match(Lines[index]) is { Success: true } reference)
            {
                schema = reference.Groups["name"].Value;
            }

            if (Example().Match(Lines[index]) is { Success: true } example)
            {
                examples.Add(index + 1, schema ?? throw new InvalidOperationException($"line {index + 1}: an example with no schema before it"), example.Groups["json"].Value);
            }
        }

        return examples;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ParsesThroughTheWireRecords_AndWritesBackTheSameJson(int line, string schema, string json)
    {
        var type = WireTypes[schema];

        var parsed = JsonSerializer.Deserialize(json, type);
        var written = JsonSerializer.Serialize(parsed, type);

        Assert.True(parsed is not null, $"line {line}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"line {line}: {json} came back as {written}");
    }

    [Fact]
    public void EverySchemaWithAWireRecord_HasAnExample()
    {
        var exemplified = Examples().Select(row => (string)row[1]).ToHashSet();

        Assert.Equal(WireTypes.Keys.Order(), exemplified.Order());
    }

    [Fact]
    public void TheAdaptersCalls_AreExactlyTheFilesPathsAndMethods()
    {
        var calls = new List<(string Method, string Path)>();
        string? path = null;
        var inPaths = false;
        foreach (var line in Lines)
        {
            inPaths = line == "paths:" || (inPaths && (line.Length == 0 || line.StartsWith(' ')));
            if (!inPaths)
            {
                continue;
            }

            if (PathKey().Match(line) is { Success: true } key)
            {
                path = key.Groups["path"].Value;
            }
            else if (MethodKey().Match(line) is { Success: true } method && path is not null)
            {
                calls.Add((method.Groups["method"].Value.ToUpperInvariant(), path));
            }
        }

        Assert.Equal(RideProviderContract.Calls.Order(), calls.Order());
    }

    [GeneratedRegex(@"\$ref: '#/components/schemas/(?<name>\w+)'")]
    private static partial Regex SchemaRef();

    [GeneratedRegex(@"^\s+(example|value): (?<json>\{.*\})\s*$")]
    private static partial Regex Example();

    [GeneratedRegex(@"^  (?<path>/\S+):$")]
    private static partial Regex PathKey();

    [GeneratedRegex(@"^    (?<method>get|post|put|patch|delete):$")]
    private static partial Regex MethodKey();
}
