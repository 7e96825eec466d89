namespace RideHailer.Domain.Consent;

/// <summary>One permission scope to ask consent for, at a level.</summary>
public sealed record ScopeRequest(RiderScope Scope, ConsentLevel Level);
