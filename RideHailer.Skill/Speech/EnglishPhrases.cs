using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>
/// Everything the skill says in English: written once in American English (the seeds' sentences word for word), and
/// spoken in each English locale as its <see cref="EnglishVariant"/> spells numbers and words.
/// </summary>
public sealed class EnglishPhrases : PhraseTable
{
    private const string Thanks = "Thank you for using Ride Hailer.";
    private const string WhereTo = "Where would you like to go?";

    private const string NeedsAccess =
        "To order you a car, Ride Hailer needs access to that information. Please go to the Alexa app to give Ride Hailer "
        + "permission, and then open Ride Hailer again. " + Thanks;

    private readonly EnglishVariant _variant;

    /// <summary>American English (en-US).</summary>
    public EnglishPhrases()
        : this(EnglishVariant.UnitedStates)
    {
    }

    /// <summary>The English of <paramref name="variant"/>'s locale.</summary>
    public EnglishPhrases(EnglishVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        _variant = variant;
        Locales = [variant.Locale];
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Locales { get; }

    /// <inheritdoc/>
    public override string Say(Phrase phrase) => _variant.Spell(American(phrase));

    private static string American(Phrase phrase) => phrase switch
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
        Phrase.TooManyMissesSearchFailed =>
            "Sorry, I can't look up places right now, so I can't book a ride. Please try again later. " + Thanks,
        Phrase.ProfileUnreachable => "Sorry, I can't reach your Amazon profile right now, so I can't find you a ride yet.",
        Phrase.ThanksForConsent => "Thank you.",
        Phrase.PriceRefreshed => "That price has expired, so I checked again.",
        Phrase.TooSlow => "Sorry, that took too long. Please try again.",
        Phrase.Busy => "Sorry, Ride Hailer is very busy right now. Please try again in a minute.",
        Phrase.Failed => "Sorry, something went wrong with Ride Hailer. Please try again later.",
        Phrase.RideServiceUnreachable => "Ride Hailer can't reach the ride service right now. Please try again in a minute.",
        Phrase.NoRideBooked => "You don't have a ride booked right now.",
        Phrase.LastRideCancelled => "Your last ride was cancelled.",
        Phrase.LastRideNoDriver => "Sorry, no driver could be found for your last ride.",
        Phrase.FindingDriver => "I'm still finding a driver for your ride.",
        Phrase.AlreadyCancelled => "Your ride is already cancelled.",
        Phrase.RideStarted => "Your ride has already started, so it can't be cancelled.",
        Phrase.KeepRide => "Ok, I won't cancel it. Your ride is still booked.",
        Phrase.CancelFailed => "Sorry, I couldn't cancel your ride. It's still booked.",
        Phrase.RideLookupFailed => "Sorry, I can't look up your ride right now. Please try again in a minute.",
        Phrase.HelpCancel => "Say yes to cancel your ride, or no to keep it.",
        Phrase.PlacesUnreachable => "I can't look up places right now.",
        Phrase.HelpPlaceChoice => "I found more than one place by that name. Say the first one or the second one, or the town it's in.",
        Phrase.NoHomeAddress =>
            "I don't know where home is. Ride Hailer takes you to this device's address, which you can set and share in the Alexa app.",
        Phrase.HomeNotFound => "I couldn't find this device's address.",
        Phrase.AlreadyHome => "You're already at home.",
        Phrase.HelpRideAside => "You can also ask where your ride is, or say cancel my ride.",
        _ => throw new ArgumentOutOfRangeException(nameof(phrase), phrase, "No English words for this phrase."),
    };

    /// <inheritdoc/>
    public override IReadOnlyList<SpeechPart> Say(Message message) => message switch
    {
        Greeting { PersonId: { Length: > 0 } personId } => [new SpokenText("Ok, "), new PersonFirstName(personId), new SpokenText(".")],
        DriverOnTheWay driver =>
        [
            new SpokenText(_variant.Spell($"{driver.DriverName} is {_variant.Minutes(driver.Minutes)} away in {driver.Car}, plate ")),
            new SpokenCharacters(driver.LicensePlate),
            new SpokenText("."),
        ],
        _ => [new SpokenText(_variant.Spell(Words(message)))],
    };

    /// <inheritdoc/>
    public override CardText BookedCard(RideBookedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(
            "Your ride is booked",
            _variant.Spell(string.Join(
                '\n',
                $"Driver: {card.Dispatch.DriverName}, {card.Dispatch.Car} ({card.Dispatch.LicensePlate})",
                $"Pickup: {card.Pickup.Address ?? From(card.Pickup.Source)}",
                $"Destination: {card.Destination.Name}",
                $"Price: {EnglishWords.Written(card.Price)}",
                $"Arrives in: {_variant.Minutes(card.DriverMinutes)}")));
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
            $"{RideOf(offer.RideType)} to {offer.Destination.SpokenName} from {From(offer.From)} will cost {_variant.Money(offer.Price)}, "
            + $"and the driver can pick you up in {_variant.Minutes(offer.PickupMinutes)}. Do you want me to book it?",
        HelpQuote help =>
            $"I found a ride to {help.Destination.SpokenName} for {_variant.Money(help.Price)}. Say yes to book it, or no to cancel.",
        BookIt bookIt => $"Do you want me to book the ride to {bookIt.Destination.SpokenName}?",
        NoRide noRide => $"Sorry, I couldn't find a ride to {noRide.Destination?.SpokenName ?? "that place"} right now. {Thanks}",
        ActiveRide active =>
            $"You already have a ride to {active.Destination.SpokenName} arriving in {_variant.Minutes(active.ArrivesInMinutes)}. "
            + "Do you want another one?",
        AnotherRide another => $"Do you want another ride to {another.Destination.SpokenName}?",
        HelpSecondRide help =>
            $"You already have a ride to {help.Destination.SpokenName} on its way. "
            + "Say yes to book another ride as well, or no to keep just that one.",
        Greeting { GivenName: { Length: > 0 } name } => $"Ok, {name}.",
        Greeting => "Ok.",
        Booked booked => $"Great. Your driver will arrive in {_variant.Minutes(booked.DriverMinutes)}.",
        AlreadyBooked booked =>
            $"Your ride to {booked.Destination.SpokenName} is booked. Your driver will arrive in {_variant.Minutes(booked.DriverMinutes)}.",
        DriverArriving driver => $"{driver.DriverName} is arriving now.",
        OnYourWay onYourWay => $"You're on your way to {onYourWay.Destination.SpokenName}.",
        ConfirmCancel { Fee: { } fee } confirm =>
            $"Cancel your ride to {confirm.Destination.SpokenName} with {confirm.DriverName}? "
            + $"There's {_variant.Fee(fee, "cancellation fee")} now that your driver is close.",
        ConfirmCancel confirm => $"Cancel your ride to {confirm.Destination.SpokenName} with {confirm.DriverName}?",
        CancelDone { Fee: { } fee } done =>
            $"Ok, I cancelled your ride to {done.Destination.SpokenName}. You'll be charged {_variant.Fee(fee, "cancellation fee")}.",
        CancelDone done => $"Ok, I cancelled your ride to {done.Destination.SpokenName}.",
        ChoosePlace choose => $"I found {EnglishWords.Number(choose.Choices.Count)}: {Choices(choose.Choices, "and")}. Which one?",
        WhichPlace which => $"Which one: {Choices(which.Choices, "or")}?",
        DestinationHelp { Examples: { } examples } =>
            $"Ride Hailer books a ride for you. Tell me where you want to go, like {Short(examples.Landmark)} or {Short(examples.Airport)}. "
            + $"You can also ask how much a ride to {Short(examples.Airport)} is, ask for an XL, ask where your ride is, or say cancel my ride.",
        DestinationHelp =>
            "Ride Hailer books a ride for you. Tell me where you want to go. "
            + "You can also ask how much a ride is, ask for an XL, ask where your ride is, or say cancel my ride.",
        DestinationGivenUp given => GivenUp(given.Miss, given.Examples) + " " + Thanks,
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "No English words for this message."),
    };

    /// <summary>Why the session ends after the last miss at the destination, and how to ask next time, with an example of the rider's city.</summary>
    private static string GivenUp(DestinationMiss miss, PlaceExamples? examples) => (miss, examples) switch
    {
        (DestinationMiss.NotUnderstood, { } e) =>
            $"Sorry, I still didn't understand. Ride Hailer books rides: open it again and say where you want to go, like take me to {Short(e.Landmark)}.",
        (DestinationMiss.NotUnderstood, null) =>
            "Sorry, I still didn't understand. Ride Hailer books rides: open it again and say where you want to go.",
        (DestinationMiss.NoPlace, { } e) =>
            $"Sorry, I still didn't catch where you want to go. Next time, say the place with your request, like a ride to {Short(e.Airport)}.",
        (DestinationMiss.NoPlace, null) => "Sorry, I still didn't catch where you want to go. Next time, say the place with your request.",
        (_, { } e) => $"Sorry, I still couldn't find that place. You can ask for places like {Short(e.Landmark)} or {Short(e.Airport)}.",
        _ => "Sorry, I still couldn't find that place.",
    };

    /// <summary>An example place as riders say it for short: "the airport", "Heathrow", "the Space Needle".</summary>
    private static string Short(Place place) => place.ShortName ?? place.SpokenName;

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

    /// <summary>"A ride", "An XL", "A premium ride": the offer names the kind of car when it is not standard.</summary>
    private static string RideOf(RideType rideType) => rideType switch
    {
        RideType.Xl => "An XL",
        RideType.Premium => "A premium ride",
        _ => "A ride",
    };

    private static string From(PickupSource source) =>
        source == PickupSource.DeviceAddress ? "your address" : "your current location";
}
