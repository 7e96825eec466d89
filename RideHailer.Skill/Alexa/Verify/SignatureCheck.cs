namespace RideHailer.Skill.Alexa.Verify;

/// <summary>The outcome of checking a request's Alexa signature.</summary>
/// <param name="IsValid">Whether the request was signed by Alexa.</param>
/// <param name="FailureReason">A short reason for logs when invalid; never contains the body or the signature.</param>
public readonly record struct SignatureCheck(bool IsValid, string? FailureReason)
{
    public static SignatureCheck Valid { get; } = new(true, null);

    public static SignatureCheck Invalid(string reason) => new(false, reason);
}
