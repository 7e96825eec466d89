using System.Text.Json.Serialization;

namespace RideHailer.Domain.Replies;

/// <summary>A line the skill says that takes no argument. Each shipped phrase table has words for every one.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phrase>))]
public enum Phrase
{
    /// <summary>The question the destination step asks.</summary>
    WhereTo,

    /// <summary>The skill's greeting, before <see cref="WhereTo"/>.</summary>
    Welcome,

    /// <summary>"Do you want to continue?" at the consent and PIN steps.</summary>
    Continue,

    /// <summary>"Do you want to try again?" after a PIN that did not match.</summary>
    TryAgain,

    /// <summary>An answer that fits no question of this step.</summary>
    NotUnderstood,

    /// <summary>A connection result or command result that the step was not waiting for.</summary>
    NotExpected,

    Goodbye,
    NotBookedGoodbye,
    StillBookingGoodbye,
    Declined,
    NoDestination,

    /// <summary>A request to a session that is over, or that is not the caller's.</summary>
    SessionOver,

    StillQuoting,
    StillBooking,
    StillChecking,

    /// <summary>The session lost what it was doing; it asks for the destination again.</summary>
    LostTrack,

    KeepActiveRide,
    NoSecondRideGoodbye,
    HelpPin,
    HelpPinRetry,
    LinkAccount,
    ConsentDenied,
    ConsentNotAnswered,
    ConsentRedirected,
    ConsentFailed,
    PinConnectionFailed,
    PinNotVerified,
    PinNotEnabled,
    PinLockedOut,
    PinNotSetUp,
    PinNoMatch,
    PinNoMatchAgain,
    BookingFailed,

    /// <summary>Giving up after the last of several place searches that failed.</summary>
    TooManyMissesSearchFailed,

    /// <summary>
    /// The rider's profile could not be read (the API failed or timed out, it did not refuse): an apology, and the
    /// session stays at its step, asking again.
    /// </summary>
    ProfileUnreachable,

    /// <summary>The opening of an offer made right after the rider gave consent.</summary>
    ThanksForConsent,

    /// <summary>The opening of an offer that replaces a price that expired.</summary>
    PriceRefreshed,

    /// <summary>The edge's answer when the session did not reply in time; the session stays open.</summary>
    TooSlow,

    /// <summary>The edge's answer when a session's first turn is shed under load.</summary>
    Busy,

    /// <summary>The edge's answer when the session failed; nothing was booked by this request.</summary>
    Failed,

    /// <summary>The ride provider did not answer in time (down, slow, a server error): nothing was booked or changed.</summary>
    RideServiceUnreachable,

    /// <summary>"Where is my ride" (or "cancel my ride") with no ride on its way; the question where to follows.</summary>
    NoRideBooked,

    /// <summary>The rider's latest ride ended cancelled (by them or the driver).</summary>
    LastRideCancelled,

    /// <summary>The rider's latest ride ended without a driver.</summary>
    LastRideNoDriver,

    /// <summary>The provider is still finding a driver for the rider's ride.</summary>
    FindingDriver,

    /// <summary>A cancel of a ride the rider cancelled already: the provider is not asked again.</summary>
    AlreadyCancelled,

    /// <summary>A cancel of a ride the rider is already in.</summary>
    RideStarted,

    /// <summary>"No" to the cancel question: the ride stays booked.</summary>
    KeepRide,

    /// <summary>The provider said no to the cancel, or the ride has no provider id to cancel by.</summary>
    CancelFailed,

    /// <summary>The rider's rides could not be looked up (the bookings store failed).</summary>
    RideLookupFailed,

    /// <summary>Help while asked whether to cancel.</summary>
    HelpCancel,

    /// <summary>The place search failed or timed out: not the rider's words, the search (before <see cref="WhereTo"/>).</summary>
    PlacesUnreachable,

    /// <summary>Help while asked which of several places the rider means.</summary>
    HelpPlaceChoice,

    /// <summary>A ride home asked for, but the device has no address the skill can read.</summary>
    NoHomeAddress,

    /// <summary>The device's address was not found by the place search.</summary>
    HomeNotFound,

    /// <summary>A ride home asked for from home.</summary>
    AlreadyHome,

    /// <summary>Help where a ride is on its way: its status and its cancel can be asked right there, mid-booking.</summary>
    HelpRideAside,
}
