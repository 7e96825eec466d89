namespace RideHailer.DevHost.Publishing;

/// <summary>What one deployment adds to the checked-in package: where the skill is served, and the links certification needs.</summary>
/// <param name="Endpoint">The skill's HTTPS endpoint, written into the manifest exactly as given.</param>
/// <param name="PrivacyPolicy">The privacy policy's URL, written into every locale.</param>
/// <param name="TermsOfUse">The terms of use's URL, written into every locale.</param>
/// <param name="TestingInstructions">The certification testers' instructions; null keeps the checked-in ones.</param>
/// <param name="AccountLinking">The OAuth provider to link accounts with; null writes no account-linking.json.</param>
/// <param name="Output">The folder the ASK CLI project is written to.</param>
internal sealed record SkillPackageInputs(
    Uri Endpoint,
    Uri PrivacyPolicy,
    Uri TermsOfUse,
    string? TestingInstructions,
    AccountLinkingInputs? AccountLinking,
    string Output);
