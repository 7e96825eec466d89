using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>Where a session is in the booking conversation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionStep>))]
public enum SessionStep
{
    /// <summary>Nothing has happened yet.</summary>
    New,

    /// <summary>Asked "Where would you like to go?".</summary>
    AwaitingDestination,

    /// <summary>Several places fit the destination; asked which one.</summary>
    AwaitingPlaceChoice,

    /// <summary>FindActiveRide commanded; waiting for ActiveRideFound, NoActiveRide or ActiveRideLookupFailed.</summary>
    CheckingActiveRide,

    /// <summary>Told of the rider's ride still on its way; asked whether they want another one.</summary>
    AwaitingSecondRideAnswer,

    /// <summary>Consent connection started; waiting for its resume.</summary>
    AwaitingConsent,

    /// <summary>QuoteRide commanded; waiting for QuoteReady or QuoteFailed.</summary>
    Quoting,

    /// <summary>Quote offered; waiting for yes or no.</summary>
    AwaitingQuoteAnswer,

    /// <summary>PIN connection started; waiting for its resume.</summary>
    AwaitingPin,

    /// <summary>The PIN did not match; asked whether to try again.</summary>
    AwaitingPinRetryAnswer,

    /// <summary>BookRide commanded; waiting for BookingDone or BookingFailed.</summary>
    Booking,

    /// <summary>The ride is booked; the session is over.</summary>
    Booked,

    /// <summary>The session ended without a booking (declined, failed, stopped, or closed by Alexa).</summary>
    Ended,

    /// <summary>FindLatestRide commanded to answer "where is my ride".</summary>
    CheckingRideStatus,

    /// <summary>FindLatestRide commanded to find the ride "cancel my ride" means.</summary>
    FindingRideToCancel,

    /// <summary>PriceCancellation commanded for <see cref="SessionState.RideToCancel"/>.</summary>
    PricingCancellation,

    /// <summary>Asked whether to cancel <see cref="SessionState.RideToCancel"/>, naming any fee; waiting for yes or no.</summary>
    AwaitingCancelAnswer,

    /// <summary>CancelRide commanded; waiting for RideCanceled or RideCancelFailed.</summary>
    CancellingRide,
}
