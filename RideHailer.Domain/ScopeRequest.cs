namespace RideHailer.Domain;

/// <summary>One permission scope to ask consent for, at a level.</summary>
public sealed record ScopeRequest(string Scope, ConsentLevel Level);
