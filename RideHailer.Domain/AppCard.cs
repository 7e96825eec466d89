using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>A card for the Alexa app.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TextCard), "text")]
[JsonDerivedType(typeof(AccountLinkingCard), "linkAccount")]
[JsonDerivedType(typeof(PermissionsCard), "permissions")]
public abstract record AppCard;

/// <summary>A Simple card with a title and text.</summary>
public sealed record TextCard(string Title, string Content) : AppCard;

/// <summary>Asks the rider to link their Ride Hailer account (Alexa's LinkAccount card).</summary>
public sealed record AccountLinkingCard : AppCard;

/// <summary>The AskForPermissionsConsent card for these scopes.</summary>
public sealed record PermissionsCard(IReadOnlyList<RiderScope> Scopes) : AppCard;
