namespace RideHailer.Skill.Alexa;

/// <summary>The request headers verification needs, read by the host.</summary>
public sealed record AlexaRequestHeaders(string? SignatureCertChainUrl, string? Signature256, string? ContentType);
