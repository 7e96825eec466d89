using RideHailer.Domain.Pin;
using RideHailer.Simulation;

namespace RideHailer.DevHost.Simulator;

/// <summary>The <c>chat</c> command's flags.</summary>
internal sealed record SimulatorOptions
{
    /// <summary>How voice consent ends; null: ask in a terminal, else accepted.</summary>
    public ConsentAnswer? Consent { get; init; }

    /// <summary>How PIN confirmation ends; null: ask in a terminal, else achieved.</summary>
    public PinAnswer? Pin { get; init; }

    /// <summary>No linked Ride Hailer account.</summary>
    public bool Unlinked { get; init; }

    /// <summary>No recognised speaker.</summary>
    public bool NoPerson { get; init; }

    /// <summary>Every data scope granted in the Alexa app before the run.</summary>
    public bool Granted { get; init; }

    /// <summary>Every data scope granted by voice in an earlier session.</summary>
    public bool GrantedEarlier { get; init; }

    /// <summary>The recognised speaker has not linked their own account: only the account holder's link is sent.</summary>
    public bool PersonUnlinked { get; init; }

    /// <summary>A stationary device: no geolocation, so the device address is the pickup.</summary>
    public bool NoGeolocation { get; init; }

    /// <summary><c>Booking:PinPolicy</c> for the in-process host; null keeps the configured one.</summary>
    public PinPolicy? PinPolicy { get; init; }

    /// <summary>Print every request and response body.</summary>
    public bool Json { get; init; }

    /// <summary>Note which intent and slots each utterance resolved to (<c>--explain</c>).</summary>
    public bool Explain { get; init; }

    /// <summary>Run this script instead of reading the rider's lines.</summary>
    public Scenario? Scenario { get; init; }

    /// <summary>A skill endpoint running elsewhere to talk to; null runs this DevHost's own skill in process.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The skill id the requests carry, for <see cref="Endpoint"/>; null: this DevHost's configured <c>Alexa:SkillId</c>.</summary>
    public string? SkillId { get; init; }

    /// <summary>The loopback port of the local Alexa APIs (the requests' <c>apiEndpoint</c>); null: a free one.</summary>
    public int? ApiPort { get; init; }

    /// <summary>How long to wait for each of the skill's answers; null: <see cref="DefaultSkillTimeout"/>.</summary>
    public TimeSpan? SkillTimeout { get; init; }

    /// <summary>The device's language (<c>--locale</c>): each request's locale and the interaction model the resolver reads.</summary>
    public string Locale { get; init; } = DefaultLocale;

    public const string DefaultLocale = "en-US";

    /// <summary>Far above the endpoint's own reply budget (Session:ReplyTimeout, at most 7 s): reached only when the skill is stuck.</summary>
    public static TimeSpan DefaultSkillTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>These options with the scenario's answers and set-up filling what the flags left open.</summary>
    public SimulatorOptions WithScenarioDefaults() => Scenario is not { } scenario
        ? this
        : this with
        {
            Consent = Consent ?? scenario.Consent,
            Pin = Pin ?? scenario.Pin,
            Granted = Granted || scenario.Granted,
            GrantedEarlier = GrantedEarlier || scenario.GrantedEarlier,
        };

    /// <summary>The rider and device these flags describe.</summary>
    public SimulatedRider Rider() => new()
    {
        Linked = !Unlinked,
        PersonLinked = !Unlinked && !PersonUnlinked,
        PersonId = NoPerson ? null : SimulatedRider.SimulatedPersonId,
        UserId = "amzn1.ask.account." + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)),
        Geolocation = !NoGeolocation,
        Locale = Locale,
        GrantedInApp = Granted ? SimulatedRider.AllDataScopes : [],
        GrantedEarlier = GrantedEarlier ? SimulatedRider.AllDataScopes : [],
    };
}
