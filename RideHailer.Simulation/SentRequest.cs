using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>One request as it went over the wire and came back.</summary>
/// <param name="Envelope">The request body sent (signed by the <see cref="SkillClient"/>).</param>
/// <param name="Exchange">The HTTP status and body the endpoint answered.</param>
/// <param name="Elapsed">From sending the request to reading the whole answer.</param>
/// <param name="Response">What Alexa acts on in the answer; null for an HTTP error, an unusable body, or a session's end.</param>
/// <param name="Failed">
/// The skill answered an HTTP error or something Alexa could not use; the session was closed (unless the request was a
/// skill event, which is no part of it).
/// </param>
public sealed record SentRequest(JsonObject Envelope, SkillExchange Exchange, TimeSpan Elapsed, SkillResponse? Response, bool Failed);
