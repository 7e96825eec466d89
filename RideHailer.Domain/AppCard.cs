using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>A card for the Alexa app.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TextCard), "text")]
[JsonDerivedType(typeof(LinkAccountCard), "linkAccount")]
[JsonDerivedType(typeof(PermissionsCard), "permissions")]
public abstract record Card;

/// <summary>A Simple card with a title and text.</summary>
public sealed record TextCard(string Title, string Content) : Card;

/// <summary>The LinkAccount card.</summary>
public sealed record LinkAccountCard : Card;

/// <summary>The AskForPermissionsConsent card for these scopes.</summary>
public sealed record PermissionsCard(IReadOnlyList<string> Scopes) : Card;
