using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>Everything the skill says in American English; the seeds' sentences are used word for word.</summary>
public sealed class EnglishPhrases : PhraseTable
{
    private const string Thanks = "Thank you for using Ride Hailer.";
    private const string WhereTo = "Where would you like to go?";

    private const string NeedsAccess =
        "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer "
        + "permission, and then open Ride Hailer again. " + Thanks;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Locales { get; } = ["en-US"];

    /// <inheritdoc/>
    public override string Say(Phrase phrase) => phrase switch
    {
        Phrase.WhereTo => WhereTo,
        Phrase.Welcome => "Welcome to Ride Hailer.",
        Phrase.Continue => "Do you want to continue?",
        Phrase.TryAgain => "Do you want to try again?",
        Phrase.NotUnderstood => "Sorry, I didn't get that.",
        Phrase.NotExpected => "Sorry, I wasn't expecting that.",
        Phrase.Goodbye => "Goodbye.",
        Phrase.NotBookedGoodbye => "Ok, I didn't book a ride. Goodbye.",
        Phrase.StillBookingGoodbye => "Your ride is already being booked. Goodbye.",
        Phrase.Declined => "Ok, I won't book a ride. " + Thanks,
        Phrase.NoDestination => "Ok. " + Thanks,
        Phrase.SessionOver => "This conversation has ended. To book a ride, say: Alexa, open Ride Hailer.",
        Phrase.StillQuoting => "I'm still getting a price for your ride. Please try again in a moment.",
        Phrase.StillBooking => "I'm still booking your ride. Please try again in a moment.",
        Phrase.StillChecking => "I'm still looking up your rides. Please try again in a moment.",
        Phrase.LostTrack => "Sorry, I lost track of your ride.",
        Phrase.KeepActiveRide => "Ok, I won't book another ride. Your driver is on the way.",
        Phrase.NoSecondRideGoodbye => "Ok, I didn't book another ride. Goodbye.",
        Phrase.HelpDestination => "Ride Hailer books a ride for you. Tell me where you want to go, like the Space Needle or the airport.",
        Phrase.HelpPin => "Before I book your ride, Alexa needs to confirm your profile PIN.",
        Phrase.HelpPinRetry => "Your profile PIN didn't match, so I haven't booked the ride. Say yes to try again, or no to stop.",
        Phrase.LinkAccount =>
            "To book a ride, Ride Hailer needs your account. Please go to the Alexa app to link your Ride Hailer account, "
            + "and then open Ride Hailer again.",
        Phrase.ConsentDenied => "Ok. " + NeedsAccess,
        Phrase.ConsentNotAnswered => NeedsAccess,
        Phrase.ConsentRedirected =>
            "Please finish giving Ride Hailer permission in the Alexa app, and then open Ride Hailer again. " + Thanks,
        Phrase.ConsentFailed =>
            "Sorry, something went wrong while asking for your permission. Please go to the Alexa app to give Ride Hailer "
            + "permission, and then open Ride Hailer again.",
        Phrase.PinConnectionFailed => "Sorry, something went wrong while verifying your identity.",
        Phrase.PinNotVerified => "Sorry, verification failed. Your ride was not booked.",
        Phrase.PinNotEnabled =>
            "Ride Hailer needs to confirm your profile PIN before it books a ride, and PIN confirmation is not turned on. "
            + "Please turn on PIN confirmation for Ride Hailer in the Alexa app, and then open Ride Hailer again. Your ride was not booked.",
        Phrase.PinLockedOut =>
            "Sorry, your profile PIN is locked after too many attempts, so your ride was not booked. "
            + "Please reset your profile PIN in the Alexa app.",
        Phrase.PinNotSetUp =>
            "To book a ride, please set up a profile PIN in the Alexa app, and then open Ride Hailer again. Your ride was not booked.",
        Phrase.PinNoMatch => "Sorry, that PIN didn't match. Do you want to try again?",
        Phrase.PinNoMatchAgain => "Sorry, that PIN didn't match either, so your ride was not booked. " + Thanks,
        Phrase.BookingFailed => "Sorry, I couldn't book your ride. Please try again later. " + Thanks,
        Phrase.TooManyMisses =>
            "Sorry, I still couldn't find that place. You can ask for places like the Space Needle or the airport. " + Thanks,
        Phrase.TooManyMissesNotUnderstood =>
            "Sorry, I still didn't understand. Ride Hailer books rides: open it again and say where you want to go, "
            + "like take me to the Space Needle. " + Thanks,
        Phrase.TooManyMissesNoPlace =>
            "Sorry, I still didn't catch where you want to go. Next time, say the place with your request, "
            + "like a ride to the airport. " + Thanks,
        Phrase.TooManyMissesSearchFailed =>
            "Sorry, I can't look up places right now, so I can't book a ride. Please try again later. " + Thanks,
        Phrase.ProfileUnreachable => "Sorry, I can't reach your Amazon profile right now, so I can't find you a ride yet.",
        Phrase.ThanksForConsent => "Thank you.",
        Phrase.PriceRefreshed => "That price has expired, so I checked again.",
        Phrase.TooSlow => "Sorry, that took too long. Please try again.",
        Phrase.Busy => "Sorry, Ride Hailer is very busy right now. Please try again in a minute.",
        Phrase.Failed => "Sorry, something went wrong with Ride Hailer. Please try again later.",
        Phrase.PlacesUnreachable => "I can't look up places right now.",
        Phrase.HelpPlaceChoice => "I found more than one place by that name. Say the first one or the second one, or the town it's in.",
        Phrase.NoHomeAddress =>
            "I don't know where home is. Ride Hailer takes you to this device's address, which you can set and share in the Alexa app.",
        Phrase.HomeNotFound => "I couldn't find this device's address.",
        Phrase.AlreadyHome => "You're already at home.",
        _ => throw new ArgumentOutOfRangeException(nameof(phrase), phrase, "No English words for this phrase."),
    };

    /// <inheritdoc/>
    public override IReadOnlyList<SpeechPart> Say(Message message) => message switch
    {
        Greeting { PersonId: { Length: > 0 } personId } => [new SpokenText("Ok, "), new PersonFirstName(personId), new SpokenText(".")],
        _ => [new SpokenText(Words(message))],
    };

    /// <inheritdoc/>
    public override CardText BookedCard(RideBookedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(
            "Your ride is booked",
            string.Join(
                '\n',
                $"Driver: {card.Dispatch.DriverName}, {card.Dispatch.Car} ({card.Dispatch.LicensePlate})",
                $"Pickup: {card.Pickup.Address ?? From(card.Pickup.Source)}",
                $"Destination: {card.Destination.Name}",
                $"Price: {EnglishWords.Written(card.Price)}",
                $"Arrives in: {EnglishWords.Minutes(card.DriverMinutes)}"));
    }

    private string Words(Message message) => message switch
    {
        Line line => Say(line.Phrase),
        UnknownPlace { Said: { } said } when !string.IsNullOrWhiteSpace(said) => $"I couldn't find {said.Trim()}. {WhereTo}",
        UnknownPlace => "Sorry, I didn't catch where you want to go. " + WhereTo,
        AskConsent ask => $"Sure. I need access to your {Labels(ask.Scopes)} so that I can find a ride for you.",
        HelpConsent help => $"To find you a ride, Ride Hailer needs your {Labels(help.Scopes)}.",
        StillNoAccess still =>
            $"Thank you. Ride Hailer still can't read your {Labels(still.Scopes)}, so I can't find a ride for you. "
            + "Please go to the Alexa app to give Ride Hailer permission, and then open Ride Hailer again.",
        Offer offer =>
            $"A ride to {offer.Destination.SpokenName} from {From(offer.From)} will cost {EnglishWords.Money(offer.Price)}, "
            + $"and the driver can pick you up in {EnglishWords.Minutes(offer.PickupMinutes)}. Do you want me to book it?",
        HelpQuote help =>
            $"I found a ride to {help.Destination.SpokenName} for {EnglishWords.Money(help.Price)}. Say yes to book it, or no to cancel.",
        BookIt bookIt => $"Do you want me to book the ride to {bookIt.Destination.SpokenName}?",
        NoRide noRide => $"Sorry, I couldn't find a ride to {noRide.Destination?.SpokenName ?? "that place"} right now. {Thanks}",
        ActiveRide active =>
            $"You already have a ride to {active.Destination.SpokenName} arriving in {EnglishWords.Minutes(active.ArrivesInMinutes)}. "
            + "Do you want another one?",
        AnotherRide another => $"Do you want another ride to {another.Destination.SpokenName}?",
        HelpSecondRide help =>
            $"You already have a ride to {help.Destination.SpokenName} on its way. "
            + "Say yes to book another ride as well, or no to keep just that one.",
        Greeting { GivenName: { Length: > 0 } name } => $"Ok, {name}.",
        Greeting => "Ok.",
        Booked booked => $"Great. Your driver will arrive in {EnglishWords.Minutes(booked.DriverMinutes)}.",
        AlreadyBooked booked =>
            $"Your ride to {booked.Destination.SpokenName} is booked. Your driver will arrive in {EnglishWords.Minutes(booked.DriverMinutes)}.",
        ChoosePlace choose => $"I found {EnglishWords.Number(choose.Choices.Count)}: {Choices(choose.Choices, "and")}. Which one?",
        WhichPlace which => $"Which one: {Choices(which.Choices, "or")}?",
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "No English words for this message."),
    };

    /// <summary>"400 Broad Street in Seattle, and 400 Broad Street in Everett": each place in its short form, with its locality.</summary>
    private static string Choices(IReadOnlyList<Place> places, string conjunction)
    {
        var named = places.Select(place => $"{place.SpokenName} in {place.City}").ToList();
        return named.Count < 2 ? string.Concat(named) : $"{string.Join(", ", named[..^1])}, {conjunction} {named[^1]}";
    }

    private static string Labels(IReadOnlyList<RiderScope> scopes) => EnglishWords.List([.. scopes.Select(Label)]);

    private static string Label(RiderScope scope) => scope switch
    {
        RiderScope.GivenName or RiderScope.FullName => "name",
        RiderScope.MobileNumber => "mobile number",
        RiderScope.Geolocation => "current location",
        RiderScope.Address => "address",
        _ => "information",
    };

    private static string From(PickupSource source) =>
        source == PickupSource.DeviceAddress ? "your address" : "your current location";
}
