namespace RideHailer.Domain;

/// <summary>What the caller supplies with every turn, so the conversation has no clock or randomness of its own.</summary>
/// <param name="Now">The current time (the orchestration's replay-safe clock).</param>
/// <param name="Nonce">Fresh per turn; becomes the connection token's nonce when this turn starts a connection.</param>
/// <param name="Rider">The rider facts loaded at the edge for this request.</param>
public sealed record TurnContext(DateTimeOffset Now, string Nonce, RiderFacts Rider);
