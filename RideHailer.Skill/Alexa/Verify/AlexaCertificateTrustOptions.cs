using System.Security.Cryptography.X509Certificates;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>Which roots an Alexa signing certificate must chain to.</summary>
public sealed class AlexaCertificateTrustOptions
{
    /// <summary>
    /// Roots to trust instead of the system store. Empty (the default) means the system store, which holds the
    /// Amazon and Starfield roots Alexa's chain ends in; tests and a local simulator add their own root here.
    /// </summary>
    public X509Certificate2Collection CustomRoots { get; } = [];
}
