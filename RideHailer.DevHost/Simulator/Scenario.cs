using RideHailer.Simulation;
namespace RideHailer.DevHost.Simulator;

/// <summary>A scripted conversation from the seeds: what the rider says, and how consent and PIN confirmation end.</summary>
internal sealed record Scenario(
    string Name,
    string Description,
    IReadOnlyList<string> Utterances,
    ConsentAnswer? Consent = null,
    PinAnswer? Pin = null,
    bool Granted = false,
    bool GrantedEarlier = false)
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("consent-accepted", "launch, destination, voice consent accepted, quote, yes, PIN confirmed: one booking",
            ["open ride hailer", "the space needle", "yes"], ConsentAnswer.Accepted, PinAnswer.Achieved),
        new("consent-denied", "launch, destination, voice consent denied: permissions card, no booking",
            ["open ride hailer", "the space needle"], ConsentAnswer.Denied),
        new("consent-not-answered", "launch, destination, the rider says nothing to the consent question: card, no booking",
            ["open ride hailer", "the space needle"], ConsentAnswer.NotAnswered),
        new("pin-confirmation", "one-shot with the data already shared, quote, yes, PIN confirmed: one booking",
            ["alexa, ask ride hailer to order me a ride to the space needle", "yes"], Pin: PinAnswer.Achieved, Granted: true),
        new("returning-rider", "a rider who consented by voice in an earlier session: quoted without being asked again, PIN confirmed: one booking",
            ["open ride hailer", "the space needle", "yes"], Pin: PinAnswer.Achieved, GrantedEarlier: true),
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(scenario => scenario.Name == name);
}
