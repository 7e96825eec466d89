using System.Text.Json.Serialization;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

/// <summary>
/// Everything the conversation remembers between turns, as plain serializable data. What is pending
/// (the connection token, the quote, the retry count) is recorded here so a resume can only advance
/// the step that is waiting for it.
/// </summary>
public sealed record SessionState
{
    /// <summary>Identifies the session; with the quote id it makes the booking's idempotency key.</summary>
    public required string SessionKey { get; init; }

    /// <summary>The language the session speaks: the locale of the request that started it (BCP 47, "en-US").</summary>
    public string Locale { get; init; } = DefaultLocale;

    /// <summary>The current step.</summary>
    public SessionStep Step { get; init; }

    /// <summary>Destinations not understood so far in this session.</summary>
    public int DestinationMisses { get; init; }

    /// <summary>The chosen destination, once understood.</summary>
    public Place? Destination { get; init; }

    /// <summary>The place search the session waits on, if any; the step stays where the rider asked.</summary>
    public FindPlace? PlaceSearch { get; init; }

    /// <summary>The places the rider is asked to choose from ("Which one?"), best first, at most three.</summary>
    public IReadOnlyList<Place>? PlaceChoices { get; init; }

    /// <summary>The rider's home, once its address has been found in this session: it is looked up once.</summary>
    public Place? Home { get; init; }

    /// <summary>The connection whose resume the session is waiting for, if any.</summary>
    public ConnectionToken? PendingConnection { get; init; }

    /// <summary>
    /// Set once the rider's ride still on its way has been looked up (none, lookup failed) or the rider asked for
    /// another one anyway: the session does not look again.
    /// </summary>
    public bool ActiveRideChecked { get; init; }

    /// <summary>The rider's ride still on its way, while they are asked whether they want another.</summary>
    public Booking? ActiveRide { get; init; }

    /// <summary>
    /// The ride request's rider facts (name, number, pickup, grants), kept while the active ride is looked up and
    /// asked about, because the answer's turn carries no profile read; cleared once consent or the quote used them.
    /// </summary>
    public RiderFacts? PendingRider { get; init; }

    /// <summary>The scopes the last consent connection asked for (for the permissions card).</summary>
    public IReadOnlyList<ScopeRequest> ConsentScopes { get; init; } = [];

    /// <summary>Who rides, captured when the ride was quoted.</summary>
    public Passenger? Passenger { get; init; }

    /// <summary>What the next quote offer opens with.</summary>
    public QuotePreface QuotePreface { get; init; }

    /// <summary>The quote offered to the rider.</summary>
    public Quote? Quote { get; init; }

    /// <summary>When the quote was offered; it may be accepted for <see cref="ConversationSettings.QuoteValidity"/>.</summary>
    public DateTimeOffset? QuoteOfferedAt { get; init; }

    /// <summary>PIN attempts that ended in NOT_MATCH.</summary>
    public int PinMismatches { get; init; }

    /// <summary>The PIN token whose result commanded the booking; its replay re-speaks the booking.</summary>
    public string? UsedPinToken { get; init; }

    /// <summary>Set once BookRide has been commanded; never commanded again in this session.</summary>
    public string? BookingKey { get; init; }

    /// <summary>The booking, once made.</summary>
    public Booking? Booking { get; init; }

    /// <summary>The kind of car the rider asked for; quotes in this session price it.</summary>
    public RideType RideType { get; init; } = RideType.Standard;

    /// <summary>The ride "cancel my ride" found, while its fee is asked and the rider answers.</summary>
    public Booking? RideToCancel { get; init; }

    /// <summary>The cancellation fee the rider was told of (null: none); the cancel accepts exactly this.</summary>
    public Money? CancellationFee { get; init; }

    /// <summary>
    /// The step "where is my ride" or "cancel my ride" interrupted, while that question is answered (null when it was
    /// asked before any ride was asked for): the session then goes back to it and asks its question again, with all it
    /// held (the quote on offer, a pending connection's token) as it was.
    /// </summary>
    public SessionStep? InterruptedStep { get; init; }

    /// <summary>Whether the session is over (booked or ended); the host can stop waiting for turns.</summary>
    [JsonIgnore]
    public bool IsFinished => Step is SessionStep.Booked or SessionStep.Ended;

    /// <summary>The locale of a session whose request named none.</summary>
    public const string DefaultLocale = "en-US";

    /// <summary>The state of a session that has not had a turn yet, speaking <paramref name="locale"/>.</summary>
    public static SessionState Start(string sessionKey, string? locale = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionKey);
        return new SessionState { SessionKey = sessionKey, Step = SessionStep.New, Locale = string.IsNullOrWhiteSpace(locale) ? DefaultLocale : locale };
    }
}
