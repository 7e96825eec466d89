namespace RideHailer.Skill.RideEvents;

/// <summary>The webhook's answer: its HTTP status and, for a refusal, the contract's error word and why.</summary>
/// <param name="StatusCode">202 accepted, 200 repeated, 400 malformed, 401 unsigned or stale, 404 unknown ride, 503 nothing to hand it to.</param>
/// <param name="Error">The error word (<c>invalid_signature</c>, <c>malformed_body</c>, <c>unknown_ride</c>…), null on success.</param>
/// <param name="Reason">What was wrong with the body, for a 400.</param>
public sealed record RideEventWebhookResult(int StatusCode, string? Error = null, string? Reason = null);
