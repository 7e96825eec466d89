// TEMPORARY: replaced by the verification branch at merge.
#pragma warning disable CA1822 // temporary stub
namespace RideHailer.Skill.Alexa.Verification;

public sealed class AlexaSignatureVerifier
{
    public const string SignatureCertChainUrlHeader = "SignatureCertChainUrl";
    public const string Signature256Header = "Signature-256";

    public ValueTask<SignatureCheck> VerifyAsync(ReadOnlyMemory<byte> body, string? signatureCertChainUrl, string? signature256, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SignatureCheck.Invalid("not implemented"));
}

public readonly record struct SignatureCheck(bool IsValid, string? FailureReason)
{
    public static SignatureCheck Valid => new(true, null);

    public static SignatureCheck Invalid(string reason) => new(false, reason);
}

public static class VerificationServiceCollectionExtensions
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddAlexaSignatureVerification(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<AlexaSignatureVerifier>(services);
        return services;
    }
}
