namespace RideHailer.Skill.Alexa.Render.Responses;

/// <summary>The body of a 400: Alexa ignores it; a developer reading it with curl gets the reason.</summary>
public sealed record ErrorBody(string Error);
