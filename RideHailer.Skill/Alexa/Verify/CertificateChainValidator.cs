using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Checks that a downloaded chain is Alexa's: in date, issued under a trusted root, and for echo-api.amazon.com.</summary>
internal sealed class CertificateChainValidator
{
    internal const string AlexaSigningName = "echo-api.amazon.com";

    private readonly X509Certificate2Collection _customRoots;
    private readonly TimeProvider _timeProvider;

    // Building a chain is most of the cost of verifying a request. The chain source hands out the same
    // collection for a URL while it is cached, and a chain that built at one instant builds at any instant
    // inside every certificate's validity (trust is fixed at construction, revocation is not checked), so
    // a success is remembered for that window. Failures are never remembered.
    private readonly ConditionalWeakTable<X509Certificate2Collection, StrongBox<(DateTimeOffset From, DateTimeOffset Until)>> _validated = [];

    public CertificateChainValidator(AlexaCertificateTrustOptions trust, TimeProvider timeProvider)
    {
        // A copy, so a later change to the options object cannot alter what this instance trusts.
        _customRoots = [.. trust.CustomRoots];
        _timeProvider = timeProvider;
    }

    /// <param name="certificates">The signing certificate first, then the intermediates Amazon sent with it.</param>
    public SignatureCheck Validate(X509Certificate2Collection certificates)
    {
        if (certificates.Count == 0)
        {
            return SignatureCheck.Invalid("certificate chain is empty");
        }

        var signing = certificates[0];
        var now = _timeProvider.GetUtcNow();
        if (_validated.TryGetValue(certificates, out var window) && now >= window.Value.From && now <= window.Value.Until)
        {
            return SignatureCheck.Valid;
        }

        if (now < signing.NotBefore.ToUniversalTime())
        {
            return SignatureCheck.Invalid("signing certificate is not yet valid");
        }

        if (now > signing.NotAfter.ToUniversalTime())
        {
            return SignatureCheck.Invalid("signing certificate has expired");
        }

        if (!NamesAlexa(signing))
        {
            return SignatureCheck.Invalid("signing certificate SAN lacks echo-api.amazon.com");
        }

        using var chain = new X509Chain();
        Configure(chain.ChainPolicy, now, certificates);
        if (!chain.Build(signing))
        {
            return SignatureCheck.Invalid($"certificate chain rejected ({Describe(chain.ChainStatus)})");
        }

        var built = chain.ChainElements.Select(element => element.Certificate).ToList();
        _validated.AddOrUpdate(certificates, new((
            built.Max(certificate => new DateTimeOffset(certificate.NotBefore.ToUniversalTime())),
            built.Min(certificate => new DateTimeOffset(certificate.NotAfter.ToUniversalTime())))));
        return SignatureCheck.Valid;
    }

    private void Configure(X509ChainPolicy policy, DateTimeOffset now, X509Certificate2Collection certificates)
    {
        policy.VerificationTime = now.UtcDateTime;
        policy.VerificationTimeIgnored = false;
        // Revocation is not checked: CRL and OCSP lookups would put a network call to a third party on the request
        // path (Alexa allows 8 s in all) and fail closed whenever that responder is slow or unreachable, including
        // in offline tests. Amazon rotates these certificates by publishing a new URL, and the cache drops a chain
        // when it expires.
        policy.RevocationMode = X509RevocationMode.NoCheck;
        // Only the intermediates Amazon sent count; no AIA downloads of missing ones.
        policy.DisableCertificateDownloads = true;
        for (var i = 1; i < certificates.Count; i++)
        {
            policy.ExtraStore.Add(certificates[i]);
        }

        if (_customRoots.Count > 0)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            policy.CustomTrustStore.AddRange(_customRoots);
        }
    }

    private static bool NamesAlexa(X509Certificate2 certificate)
    {
        // Only the SAN counts; a subject CN of echo-api.amazon.com alone is not enough.
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != "2.5.29.17")
            {
                continue;
            }

            try
            {
                var names = new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                if (names.EnumerateDnsNames().Any(n => string.Equals(n, AlexaSigningName, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
            catch (CryptographicException)
            {
                return false;
            }
        }

        return false;
    }

    private static string Describe(X509ChainStatus[] statuses) =>
        statuses.Length == 0
            ? "no status"
            : string.Join(", ", statuses.Select(s => s.Status).Distinct());
}
