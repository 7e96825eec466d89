using System.Text.Json.Serialization;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain.Replies;

/// <summary>
/// One thing to say, as an identifier with typed arguments: the phrase table of the session's language turns it
/// into words. Minutes are whole minutes, at least one (<see cref="WholeMinutes"/>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Line), "line")]
[JsonDerivedType(typeof(UnknownPlace), "unknownPlace")]
[JsonDerivedType(typeof(AskConsent), "askConsent")]
[JsonDerivedType(typeof(HelpConsent), "helpConsent")]
[JsonDerivedType(typeof(StillNoAccess), "stillNoAccess")]
[JsonDerivedType(typeof(Offer), "offer")]
[JsonDerivedType(typeof(HelpQuote), "helpQuote")]
[JsonDerivedType(typeof(BookIt), "bookIt")]
[JsonDerivedType(typeof(NoRide), "noRide")]
[JsonDerivedType(typeof(ActiveRide), "activeRide")]
[JsonDerivedType(typeof(AnotherRide), "anotherRide")]
[JsonDerivedType(typeof(HelpSecondRide), "helpSecondRide")]
[JsonDerivedType(typeof(Greeting), "greeting")]
[JsonDerivedType(typeof(Booked), "booked")]
[JsonDerivedType(typeof(AlreadyBooked), "alreadyBooked")]
[JsonDerivedType(typeof(DriverOnTheWay), "driverOnTheWay")]
[JsonDerivedType(typeof(DriverArriving), "driverArriving")]
[JsonDerivedType(typeof(OnYourWay), "onYourWay")]
[JsonDerivedType(typeof(ConfirmCancel), "confirmCancel")]
[JsonDerivedType(typeof(CancelDone), "cancelDone")]
[JsonDerivedType(typeof(ChoosePlace), "choosePlace")]
[JsonDerivedType(typeof(WhichPlace), "whichPlace")]
[JsonDerivedType(typeof(DestinationHelp), "destinationHelp")]
[JsonDerivedType(typeof(DestinationGivenUp), "destinationGivenUp")]
public abstract record Message;

/// <summary>A line without arguments.</summary>
public sealed record Line(Phrase Phrase) : Message;

/// <summary>The destination was not understood; <paramref name="Said"/> is what the rider said, when anything.</summary>
public sealed record UnknownPlace(string? Said) : Message;

/// <summary>Why the skill asks for consent, naming what it needs to read.</summary>
public sealed record AskConsent(IReadOnlyList<RiderScope> Scopes) : Message
{
    /// <inheritdoc/>
    public bool Equals(AskConsent? other) => other is not null && Scopes.SequenceEqual(other.Scopes);

    /// <inheritdoc/>
    public override int GetHashCode() => Scopes.Count;
}

/// <summary>Help at the consent step, naming what the skill needs to read.</summary>
public sealed record HelpConsent(IReadOnlyList<RiderScope> Scopes) : Message
{
    /// <inheritdoc/>
    public bool Equals(HelpConsent? other) => other is not null && Scopes.SequenceEqual(other.Scopes);

    /// <inheritdoc/>
    public override int GetHashCode() => Scopes.Count;
}

/// <summary>Consent was accepted, yet these could still not be read.</summary>
public sealed record StillNoAccess(IReadOnlyList<RiderScope> Scopes) : Message
{
    /// <inheritdoc/>
    public bool Equals(StillNoAccess? other) => other is not null && Scopes.SequenceEqual(other.Scopes);

    /// <inheritdoc/>
    public override int GetHashCode() => Scopes.Count;
}

/// <summary>The quote, and the question whether to book it.</summary>
public sealed record Offer(Place Destination, PickupSource From, Money Price, int PickupMinutes) : Message
{
    /// <summary>The kind of car quoted; the offer names it when it is not standard.</summary>
    public RideType RideType { get; init; } = RideType.Standard;
}

/// <summary>Help while a quote is on offer.</summary>
public sealed record HelpQuote(Place Destination, Money Price) : Message;

/// <summary>The question an offered quote waits on.</summary>
public sealed record BookIt(Place Destination) : Message;

/// <summary>No ride could be priced to the destination (when known).</summary>
public sealed record NoRide(Place? Destination) : Message;

/// <summary>The rider has a ride on its way; asked whether they want another.</summary>
public sealed record ActiveRide(Place Destination, int ArrivesInMinutes) : Message;

/// <summary>The question asked about a second ride.</summary>
public sealed record AnotherRide(Place Destination) : Message;

/// <summary>Help while asked about a second ride.</summary>
public sealed record HelpSecondRide(Place Destination) : Message;

/// <summary>"Ok, Name." before the PIN: the recognised speaker (Alexa says their name), else the profile's name, else none.</summary>
public sealed record Greeting(string? PersonId, string? GivenName) : Message;

/// <summary>The ride is booked.</summary>
public sealed record Booked(int DriverMinutes) : Message;

/// <summary>The ride booked earlier in this session, said again.</summary>
public sealed record AlreadyBooked(Place Destination, int DriverMinutes) : Message;

/// <summary>"Sam is four minutes away in a silver Toyota Prius, plate B X K 4 8 2 1." The plate is spoken character by character.</summary>
public sealed record DriverOnTheWay(string DriverName, int Minutes, string Car, string LicensePlate) : Message;

/// <summary>The driver is at the pickup, or about to be.</summary>
public sealed record DriverArriving(string DriverName) : Message;

/// <summary>The rider is in the car.</summary>
public sealed record OnYourWay(Place Destination) : Message;

/// <summary>The question before a cancel, naming the ride and the fee it would cost (null: free).</summary>
public sealed record ConfirmCancel(Place Destination, string DriverName, Money? Fee) : Message;

/// <summary>The ride is cancelled; <paramref name="Fee"/> is what the provider charged, if anything.</summary>
public sealed record CancelDone(Place Destination, Money? Fee) : Message;

/// <summary>Several places fit: each is read with its locality, and the rider is asked which one ("I found two: …").</summary>
public sealed record ChoosePlace(IReadOnlyList<Place> Choices) : Message
{
    /// <inheritdoc/>
    public bool Equals(ChoosePlace? other) => other is not null && Choices.SequenceEqual(other.Choices);

    /// <inheritdoc/>
    public override int GetHashCode() => Choices.Count;
}

/// <summary>The question the choice waits on, naming each place with its locality ("Which one: …, or …?").</summary>
public sealed record WhichPlace(IReadOnlyList<Place> Choices) : Message
{
    /// <inheritdoc/>
    public bool Equals(WhichPlace? other) => other is not null && Choices.SequenceEqual(other.Choices);

    /// <inheritdoc/>
    public override int GetHashCode() => Choices.Count;
}

/// <summary>
/// Help at the destination question: what the skill does and what the rider can say, naming places of the rider's
/// market as examples (none: no places are named).
/// </summary>
public sealed record DestinationHelp(PlaceExamples? Examples) : Message;

/// <summary>
/// The last allowed miss at the destination question ends the session with the help that fits the miss, naming a
/// place of the rider's market as an example of what to ask for (none: no place is named).
/// </summary>
public sealed record DestinationGivenUp(DestinationMiss Miss, PlaceExamples? Examples) : Message;

/// <summary>What went wrong with the destination the last time the rider was asked for it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DestinationMiss>))]
public enum DestinationMiss
{
    /// <summary>The place the rider named was not found.</summary>
    NotFound,

    /// <summary>What the rider said meant nothing to the skill (Fallback).</summary>
    NotUnderstood,

    /// <summary>The rider asked for a ride and named no place.</summary>
    NoPlace,
}
