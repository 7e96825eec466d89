using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;

namespace RideHailer.Domain;

/// <summary>One domain event in a session: something the rider said, a connection's result, or a command's result.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Launch), "launch")]
[JsonDerivedType(typeof(RideRequested), "rideRequested")]
[JsonDerivedType(typeof(Yes), "yes")]
[JsonDerivedType(typeof(No), "no")]
[JsonDerivedType(typeof(Help), "help")]
[JsonDerivedType(typeof(Stop), "stop")]
[JsonDerivedType(typeof(Dismiss), "dismiss")]
[JsonDerivedType(typeof(Fallback), "fallback")]
[JsonDerivedType(typeof(ConsentResolved), "consentResolved")]
[JsonDerivedType(typeof(PinResolved), "pinResolved")]
[JsonDerivedType(typeof(ActiveRideFound), "activeRideFound")]
[JsonDerivedType(typeof(NoActiveRide), "noActiveRide")]
[JsonDerivedType(typeof(ActiveRideLookupFailed), "activeRideLookupFailed")]
[JsonDerivedType(typeof(QuoteReady), "quoteReady")]
[JsonDerivedType(typeof(QuoteFailed), "quoteFailed")]
[JsonDerivedType(typeof(BookingDone), "bookingDone")]
[JsonDerivedType(typeof(BookingFailed), "bookingFailed")]
[JsonDerivedType(typeof(SessionEnded), "sessionEnded")]
[JsonDerivedType(typeof(UnmatchedResume), "unmatchedResume")]
[JsonDerivedType(typeof(PlaceFound), "placeFound")]
[JsonDerivedType(typeof(PlaceNotFound), "placeNotFound")]
[JsonDerivedType(typeof(PlaceSearchFailed), "placeSearchFailed")]
[JsonDerivedType(typeof(RideServiceUnreachable), "rideServiceUnreachable")]
[JsonDerivedType(typeof(BookingQuoteExpired), "bookingQuoteExpired")]
[JsonDerivedType(typeof(RideStatusAsked), "rideStatusAsked")]
[JsonDerivedType(typeof(CancelRideAsked), "cancelRideAsked")]
[JsonDerivedType(typeof(LatestRideFound), "latestRideFound")]
[JsonDerivedType(typeof(NoLatestRide), "noLatestRide")]
[JsonDerivedType(typeof(LatestRideLookupFailed), "latestRideLookupFailed")]
[JsonDerivedType(typeof(CancellationFeeFound), "cancellationFeeFound")]
[JsonDerivedType(typeof(CancellationFeeFailed), "cancellationFeeFailed")]
[JsonDerivedType(typeof(RideCanceled), "rideCanceled")]
[JsonDerivedType(typeof(RideCancelFailed), "rideCancelFailed")]
[JsonDerivedType(typeof(PlacesFound), "placesFound")]
[JsonDerivedType(typeof(PlaceChosen), "placeChosen")]
[JsonDerivedType(typeof(RideHomeRequested), "rideHomeRequested")]
public abstract record Turn;

/// <summary>LaunchRequest: the skill was opened without a request.</summary>
public sealed record Launch : Turn;

/// <summary>A ride was asked for; the destination as said (slot value) and/or resolved (slot id), either may be missing.</summary>
public sealed record RideRequested(string? DestinationText, string? PlaceId) : Turn
{
    /// <summary>The kind of car asked for (the rideType slot), when the rider named one.</summary>
    public RideType? RideType { get; init; }
}

/// <summary>AMAZON.YesIntent.</summary>
public sealed record Yes : Turn;

/// <summary>AMAZON.NoIntent.</summary>
public sealed record No : Turn;

/// <summary>AMAZON.HelpIntent.</summary>
public sealed record Help : Turn;

/// <summary>AMAZON.StopIntent.</summary>
[SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Named after AMAZON.StopIntent; C#-only API.")]
public sealed record Stop : Turn;

/// <summary>AMAZON.CancelIntent: "never mind", stop what the skill is doing. Never a ride's cancellation.</summary>
public sealed record Dismiss : Turn;

/// <summary>AMAZON.FallbackIntent or an utterance the model could not place.</summary>
public sealed record Fallback : Turn;

/// <summary>The consent connection's result: the token it was started with and how the rider answered.</summary>
public sealed record ConsentResolved(string Token, ConsentOutcome Outcome) : Turn;

/// <summary>
/// The PIN connection's result: the token it was started with, what it said of the speaker, the confidence level
/// reached (when known), and whether a recognised person was present.
/// </summary>
public sealed record PinResolved(string Token, PinVerification Verification, int? AchievedLevel, bool PersonPresent) : Turn;

/// <summary>The FindActiveRide command found the rider's ride still on its way.</summary>
public sealed record ActiveRideFound(Booking Booking) : Turn;

/// <summary>The FindActiveRide command found no ride of the rider's still on its way.</summary>
public sealed record NoActiveRide : Turn;

/// <summary>The FindActiveRide command failed; the reason is for logs, never spoken.</summary>
public sealed record ActiveRideLookupFailed(string Reason) : Turn;

/// <summary>The QuoteRide command succeeded.</summary>
public sealed record QuoteReady(Quote Quote) : Turn;

/// <summary>The QuoteRide command failed; the reason is for logs, never spoken.</summary>
public sealed record QuoteFailed(string Reason) : Turn;

/// <summary>The BookRide command succeeded (or found the booking already made).</summary>
public sealed record BookingDone(Booking Booking) : Turn;

/// <summary>The BookRide command failed; the reason is for logs, never spoken.</summary>
public sealed record BookingFailed(string Reason) : Turn;

/// <summary>SessionEndedRequest: Alexa closed the session; nothing can be said.</summary>
public sealed record SessionEnded(string? Reason) : Turn;

/// <summary>A SessionResumedRequest whose token the edge could not parse as a <see cref="ConnectionToken"/>.</summary>
public sealed record UnmatchedResume : Turn;

/// <summary>The FindPlace command found the place the rider named.</summary>
public sealed record PlaceFound(Place Place) : Turn;

/// <summary>The FindPlace command found nothing for what the rider said.</summary>
public sealed record PlaceNotFound : Turn;

/// <summary>The FindPlace command failed; the reason is for logs, never spoken.</summary>
public sealed record PlaceSearchFailed(string Reason) : Turn;

/// <summary>
/// The QuoteRide or BookRide command could not reach the ride provider in time (down, slow, a server error): nothing
/// was decided, nothing was booked. The reason is for logs, never spoken.
/// </summary>
public sealed record RideServiceUnreachable(string Reason) : Turn;

/// <summary>
/// The BookRide command under <paramref name="IdempotencyKey"/> was refused because the provider no longer honours the
/// quote: nothing was dispatched, and the ride is to be priced again and offered before anything is booked.
/// </summary>
public sealed record BookingQuoteExpired(string IdempotencyKey) : Turn;

/// <summary>RideStatusIntent: "where is my ride".</summary>
public sealed record RideStatusAsked : Turn;

/// <summary>CancelRideIntent: "cancel my ride". Only a yes to the question it leads to cancels anything.</summary>
public sealed record CancelRideAsked : Turn;

/// <summary>The FindLatestRide command found the rider's most recent ride, with its freshest known progress.</summary>
public sealed record LatestRideFound(Booking Booking) : Turn;

/// <summary>The FindLatestRide command found no ride of the rider's.</summary>
public sealed record NoLatestRide : Turn;

/// <summary>The FindLatestRide command failed; the reason is for logs, never spoken.</summary>
public sealed record LatestRideLookupFailed(string Reason) : Turn;

/// <summary>The PriceCancellation command's answer: the fee cancelling would cost now, or null when it is free.</summary>
public sealed record CancellationFeeFound(Money? Fee) : Turn;

/// <summary>The PriceCancellation command failed; the reason is for logs, never spoken.</summary>
public sealed record CancellationFeeFailed(string Reason) : Turn;

/// <summary>The CancelRide command cancelled the ride (or found it cancelled already).</summary>
public sealed record RideCanceled(RideCancellation Cancellation) : Turn;

/// <summary>The CancelRide command failed: <paramref name="Unreachable"/> when the ride service did not answer, otherwise it said no.</summary>
public sealed record RideCancelFailed(string Reason, bool Unreachable) : Turn;

/// <summary>
/// The FindPlace command's whole answer, best first (empty when nothing fits): the conversation decides whether it is
/// one place, places to choose from, or none. <see cref="PlaceFound"/> is its one-place form from before.
/// </summary>
public sealed record PlacesFound(IReadOnlyList<Place> Places) : Turn
{
    /// <inheritdoc/>
    public bool Equals(PlacesFound? other) => other is not null && Places.SequenceEqual(other.Places);

    /// <inheritdoc/>
    public override int GetHashCode() => Places.Count;
}

/// <summary>
/// The rider's answer to "Which one?": the place's position as read ("the second one": 2), or words that name it
/// ("the one in Everett"), either may be missing.
/// </summary>
public sealed record PlaceChosen(int? Position, string? Said) : Turn;

/// <summary>"Take me home": a ride to the address of the rider's device.</summary>
public sealed record RideHomeRequested : Turn;
