namespace RideHailer.DevHost.Publishing;

/// <summary>
/// The OAuth 2.0 client Alexa links riders' accounts with: the authority's authorize and token endpoints (from its
/// OpenID metadata) and the client registered there for the skill.
/// </summary>
/// <param name="ClientSecret">From the environment, never the command line (which other users of the machine can read); null leaves it out.</param>
internal sealed record AccountLinkingInputs(Uri AuthorizationUrl, Uri AccessTokenUrl, string ClientId, string? ClientSecret);
