namespace RideHailer.DevHost.WebConsole;

/// <summary>A new run as the page shows it: the rider, and how the host it talks to is set up.</summary>
/// <param name="Rider">The rider and device in words, as the chat introduces them.</param>
/// <param name="PinPolicy">The host's <c>Booking:PinPolicy</c> (from configuration; the page cannot change it).</param>
/// <param name="VerifiesSignatures">The host's <c>Alexa:VerifySignatures</c>: every console request is signed; this says whether it is checked.</param>
internal sealed record RunView(
    string Id,
    RiderFlags Flags,
    string Rider,
    string PinPolicy,
    bool VerifiesSignatures,
    string SkillEndpoint,
    string AlexaApiEndpoint,
    IReadOnlyList<string> QuickUtterances);
