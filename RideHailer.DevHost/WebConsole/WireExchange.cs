using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>One request of a turn as it went over the wire: the signed body, the answer, its status and how long it took.</summary>
/// <param name="RequestType">The request's <c>request.type</c>, for the panel's heading.</param>
/// <param name="Request">The body sent, indented (the bytes signed were the same JSON, unindented).</param>
/// <param name="Response">The body answered, indented when it is JSON, else as it came.</param>
internal sealed record WireExchange(string RequestType, string Request, int Status, string Response, double LatencyMs)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static WireExchange From(SentRequest sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return new WireExchange(
            (string?)sent.Envelope["request"]?["type"] ?? "?",
            sent.Envelope.ToJsonString(Indented),
            sent.Exchange.StatusCode,
            Indent(sent.Exchange.Body),
            Math.Round(sent.Elapsed.TotalMilliseconds, 1));
    }

    private static string Indent(string body)
    {
        try
        {
            return JsonNode.Parse(body) is { } json ? json.ToJsonString(Indented) : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
