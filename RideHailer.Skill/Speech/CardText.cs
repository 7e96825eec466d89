namespace RideHailer.Skill.Speech;

/// <summary>A Simple card's title and text, in the rider's language.</summary>
public sealed record CardText(string Title, string Content);
