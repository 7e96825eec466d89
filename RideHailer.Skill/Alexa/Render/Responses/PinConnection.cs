using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Render.Responses;

/// <summary>PIN confirmation: <c>connection://AMAZON.VerifyPerson/2</c> at level 400 with the VOICE_PIN policy.</summary>
public static class PinConnection
{
    public const string Uri = ConnectionWords.PinUri;

    /// <summary>The only level Alexa supports for PIN confirmation: voice recognition plus profile PIN.</summary>
    public const int RequiredLevel = 400;

    public const string VoicePinPolicy = ConnectionWords.VoicePinPolicy;

    public static StartConnectionDirective Start(string token) =>
        new(Uri, new VerifyPersonInput(new RequestedAuthenticationConfidenceLevel(RequiredLevel, new RequestedPolicy(VoicePinPolicy))), token);
}

public sealed record VerifyPersonInput(RequestedAuthenticationConfidenceLevel RequestedAuthenticationConfidenceLevel) : ConnectionInput;

public sealed record RequestedAuthenticationConfidenceLevel(int Level, RequestedPolicy CustomPolicy);

public sealed record RequestedPolicy(string PolicyName);
