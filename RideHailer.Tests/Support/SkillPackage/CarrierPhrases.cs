namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>
/// The words riders put around a destination, for one locale: the source of <c>OrderRideIntent</c>'s sample
/// utterances. One list per locale, so each model gets its own phrasing; <see cref="Samples"/> expands it the same
/// way for all. The committed model must equal the expansion; <c>CarrierPhrasesTests</c> prints it to paste.
/// </summary>
/// <param name="Locale">The model the phrasing belongs to.</param>
/// <param name="Vehicles">What a rider asks for: "a ride", "a cab".</param>
/// <param name="Asks">What comes before a vehicle: "get me", "can you get me".</param>
/// <param name="Carriers">What comes right before the destination on its own: "to", "take me to".</param>
/// <param name="Politeness">What may follow a short request: "please".</param>
internal sealed record CarrierPhrases(
    string Locale,
    IReadOnlyList<string> Vehicles,
    IReadOnlyList<string> Asks,
    IReadOnlyList<string> Carriers,
    IReadOnlyList<string> Politeness)
{
    public const string Destination = "{destination}";

    /// <summary>The ride type slot, in the samples that ask for a kind of car.</summary>
    public const string RideType = "{rideType}";

    /// <summary>What comes before a kind of car ("I want an XL"): each is sampled with and without "an", alone and with a destination.</summary>
    public IReadOnlyList<string> RideTypeAsks { get; init; } = [];

    public static CarrierPhrases EnUs { get; } = new(
        "en-US",
        Vehicles: ["a ride", "a car", "a cab", "a taxi"],
        Asks: ["get me", "order", "order me", "book", "book me", "call me", "can you get me", "I want", "I need"],
        Carriers:
        [
            "to", "take me to", "drive me to", "pick me up and take me to", "I want to go to", "I would like to go to",
            "I'd like to go to", "I need to get to", "I'm going to", "my destination is",
            "the address is", "take me to the address", "I'm going to the address",
        ],
        Politeness: ["please"])
    {
        RideTypeAsks = ["I want", "I need", "get me", "book me", "order me", "can you get me"],
    };

    /// <summary>
    /// The sample utterances, in a stable order: the destination alone, after each carrier, after each vehicle
    /// (alone and asked for), each short form with each polite ending, each asked-for vehicle with no destination
    /// (Alexa then asks for it), then each kind of car asked for, alone and to the destination.
    /// </summary>
    public IReadOnlyList<string> Samples()
    {
        var toDestination = $"to {Destination}";
        var vehicleTo = Vehicles.Select(vehicle => $"{vehicle} {toDestination}").ToList();
        List<string> shortForms = [Destination, toDestination, .. vehicleTo];
        return
        [
            .. shortForms.Take(1),
            .. Carriers.Select(carrier => $"{carrier} {Destination}"),
            .. vehicleTo,
            .. Asks.SelectMany(ask => vehicleTo.Select(request => $"{ask} {request}")),
            .. shortForms.SelectMany(form => Politeness.Select(polite => $"{form} {polite}")),
            .. Asks.SelectMany(ask => Vehicles.Select(vehicle => $"{ask} {vehicle}")),
            .. RideTypeAsks.SelectMany(ask => new[] { $"{ask} {RideType}", $"{ask} an {RideType}" }),
            .. RideTypeAsks.SelectMany(ask => new[] { $"{ask} {RideType} {toDestination}", $"{ask} an {RideType} {toDestination}" }),
        ];
    }
}
