using System.Globalization;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Domain.Speaking;

namespace RideHailer.Domain.Flow;

/// <summary>Everything the skill says, in one place; the seeds' sentences are used word for word.</summary>
internal static class Phrases
{
    public const string WhereTo = "Where would you like to go?";
    public const string Welcome = "Welcome to Ride Hailer. " + WhereTo;
    public const string Thanks = "Thank you for using Ride Hailer.";
    public const string Continue = "Do you want to continue?";
    public const string TryAgain = "Do you want to try again?";
    public const string NotUnderstood = "Sorry, I didn't get that.";
    public const string NotExpected = "Sorry, I wasn't expecting that.";
    public const string Goodbye = "Goodbye.";
    public const string NotBookedGoodbye = "Ok, I didn't book a ride. Goodbye.";
    public const string StillBookingGoodbye = "Your ride is already being booked. Goodbye.";
    public const string Declined = "Ok, I won't book a ride. " + Thanks;
    public const string NoDestination = "Ok. " + Thanks;
    public const string SessionOver = "This conversation has ended. To book a ride, say: Alexa, open Ride Hailer.";
    public const string StillQuoting = "I'm still getting a price for your ride. Please try again in a moment.";
    public const string StillBooking = "I'm still booking your ride. Please try again in a moment.";
    public const string LostTrack = "Sorry, I lost track of your ride. " + WhereTo;
    public const string StillChecking = "I'm still looking up your rides. Please try again in a moment.";
    public const string KeepActiveRide = "Ok, I won't book another ride. Your driver is on the way.";
    public const string NoSecondRideGoodbye = "Ok, I didn't book another ride. Goodbye.";

    public const string HelpDestination =
        "Ride Hailer books a ride for you. Tell me where you want to go, like the Space Needle or the airport. " + WhereTo;

    public const string HelpPin = "Before I book your ride, Alexa needs to confirm your profile PIN. " + Continue;
    public const string HelpPinRetry = "Your profile PIN didn't match, so I haven't booked the ride. Say yes to try again, or no to stop.";

    public const string LinkAccount =
        "To book a ride, Ride Hailer needs your account. Please go to the Alexa app to link your Ride Hailer account, "
        + "and then open Ride Hailer again.";

    public const string NeedsAccess =
        "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer "
        + "permission, and then open Ride Hailer again. " + Thanks;

    public const string ConsentDenied = "Ok. " + NeedsAccess;
    public const string ConsentNotAnswered = NeedsAccess;

    public const string ConsentRedirected =
        "Please finish giving Ride Hailer permission in the Alexa app, and then open Ride Hailer again. " + Thanks;

    public const string ConsentFailed =
        "Sorry, something went wrong while asking for your permission. Please go to the Alexa app to give Ride Hailer "
        + "permission, and then open Ride Hailer again.";

    public const string PinConnectionFailed = "Sorry, something went wrong while verifying your identity.";
    public const string PinNotVerified = "Sorry, verification failed. Your ride was not booked.";

    public const string PinNotEnabled =
        "Ride Hailer needs to confirm your profile PIN before it books a ride, and PIN confirmation is not turned on. "
        + "Please turn on PIN confirmation for Ride Hailer in the Alexa app, and then open Ride Hailer again. Your ride was not booked.";

    public const string PinLockedOut =
        "Sorry, your profile PIN is locked after too many attempts, so your ride was not booked. "
        + "Please reset your profile PIN in the Alexa app.";

    public const string PinNotSetUp =
        "To book a ride, please set up a profile PIN in the Alexa app, and then open Ride Hailer again. Your ride was not booked.";

    public const string PinNoMatch = "Sorry, that PIN didn't match. " + TryAgain;
    public const string PinNoMatchAgain = "Sorry, that PIN didn't match either, so your ride was not booked. " + Thanks;
    public const string BookingFailed = "Sorry, I couldn't book your ride. Please try again later. " + Thanks;

    public const string TooManyMisses =
        "Sorry, I still couldn't find that place. You can ask for places like the Space Needle or the airport. " + Thanks;

    public static string UnknownPlace(string? said) => string.IsNullOrWhiteSpace(said)
        ? "Sorry, I didn't catch where you want to go. " + WhereTo
        : $"Sorry, I don't know where {said.Trim()} is. {WhereTo}";

    public static string AskConsent(IReadOnlyList<string> labels) =>
        $"Sure. I need access to your {SpokenWords.List(labels)} so that I can find a ride for you.";

    public static string HelpConsent(IReadOnlyList<string> labels) =>
        $"To find you a ride, Ride Hailer needs your {SpokenWords.List(labels)}. {Continue}";

    public static string StillNoAccess(IReadOnlyList<string> labels) =>
        $"Thank you. Ride Hailer still can't read your {SpokenWords.List(labels)}, so I can't find a ride for you. "
        + "Please go to the Alexa app to give Ride Hailer permission, and then open Ride Hailer again.";

    public static string Offer(Quote quote, QuotePreface preface)
    {
        var opening = preface switch
        {
            QuotePreface.ThankForConsent => "Thank you. ",
            QuotePreface.PriceRefreshed => "That price has expired, so I checked again. ",
            _ => string.Empty,
        };
        return $"{opening}A ride to {quote.Destination.SpokenName} from {PickupPhrase(quote.Pickup)} will cost "
            + $"{SpokenWords.Dollars(quote.Fare)}, and the driver can pick you up in {SpokenWords.Minutes(quote.PickupEta)}. "
            + "Do you want me to book it?";
    }

    public static string ActiveRide(Booking active, DateTimeOffset now) =>
        $"You already have a ride to {active.Quote.Destination.SpokenName} arriving in {SpokenWords.Minutes(active.ArrivesAt - now)}. "
        + "Do you want another one?";

    public static string AnotherRide(Place destination) => $"Do you want another ride to {destination.SpokenName}?";

    public static string HelpSecondRide(Booking active) =>
        $"You already have a ride to {active.Quote.Destination.SpokenName} on its way. "
        + "Say yes to book another ride as well, or no to keep just that one.";

    public static string BookIt(Place destination) => $"Do you want me to book the ride to {destination.SpokenName}?";

    public static string HelpQuote(Quote quote) =>
        $"I found a ride to {quote.Destination.SpokenName} for {SpokenWords.Dollars(quote.Fare)}. Say yes to book it, or no to cancel.";

    public static string NoRide(Place? destination) =>
        $"Sorry, I couldn't find a ride to {destination?.SpokenName ?? "that place"} right now. {Thanks}";

    public static string Booked(Booking booking) =>
        $"Great. Your driver will arrive in {SpokenWords.Minutes(booking.Dispatch.DriverEta)}.";

    public static string AlreadyBooked(Booking booking) =>
        $"Your ride to {booking.Quote.Destination.SpokenName} is booked. "
        + $"Your driver will arrive in {SpokenWords.Minutes(booking.Dispatch.DriverEta)}.";

    public static TextCard BookingCard(Booking booking) => new(
        "Your ride is booked",
        string.Join(
            '\n',
            $"Driver: {booking.Dispatch.DriverName}, {booking.Dispatch.Car} ({booking.Dispatch.LicensePlate})",
            $"Pickup: {booking.Quote.Pickup.Address ?? PickupPhrase(booking.Quote.Pickup)}",
            $"Destination: {booking.Quote.Destination.Name}",
            string.Create(CultureInfo.InvariantCulture, $"Price: ${booking.Quote.Fare:0.00}"),
            $"Arrives in: {SpokenWords.Minutes(booking.Dispatch.DriverEta)}"));

    private static string PickupPhrase(Pickup pickup) =>
        pickup.Source == PickupSource.DeviceAddress ? "your address" : "your current location";
}
