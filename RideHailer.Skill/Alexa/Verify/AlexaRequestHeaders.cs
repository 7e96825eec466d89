namespace RideHailer.Skill.Alexa.Verify;

/// <summary>The request headers verification needs, read by the host.</summary>
public sealed record AlexaRequestHeaders(string? SignatureCertChainUrl, string? Signature256, string? ContentType);
