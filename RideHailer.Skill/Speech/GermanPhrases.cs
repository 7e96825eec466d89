using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Speech;

/// <summary>
/// Everything the skill says in German, in the du-form Alexa's German skills use. A place is named by its German name
/// where it has one ("Flughafen Heathrow"), else its display name, after "mit dem Ziel", which fits every name without
/// knowing its gender ("zum", "zur").
/// </summary>
public sealed class GermanPhrases : PhraseTable
{
    private const string Thanks = "Danke, dass du Ride Hailer nutzt.";
    private const string WhereTo = "Wohin möchtest du fahren?";
    private const string OpenAgain = "und öffne Ride Hailer dann erneut.";
    private const string GivePermission = "Bitte erteile Ride Hailer in der Alexa App die Berechtigung " + OpenAgain;
    private const string TryLater = "Bitte versuch es später noch einmal.";
    private const string TryShortly = "Bitte versuch es gleich noch einmal.";
    private const string NotBooked = "Deine Fahrt wurde nicht gebucht.";
    private const string MoreHelp =
        "Du kannst auch fragen, was eine Fahrt kostet, ein XL bestellen, fragen, wo deine Fahrt ist, oder sagen: storniere meine Fahrt.";

    /// <summary>The language key of a place's German names.</summary>
    private const string Language = "de";

    private const string NeedsAccess = "Um dir ein Auto zu bestellen, braucht Ride Hailer Zugriff auf diese Angaben. " + GivePermission + " " + Thanks;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Locales { get; } = ["de-DE"];

    /// <inheritdoc/>
    public override string Say(Phrase phrase) => phrase switch
    {
        Phrase.WhereTo => WhereTo,
        Phrase.Welcome => "Willkommen bei Ride Hailer.",
        Phrase.Continue => "Möchtest du fortfahren?",
        Phrase.TryAgain => "Möchtest du es noch einmal versuchen?",
        Phrase.NotUnderstood => "Entschuldigung, das habe ich nicht verstanden.",
        Phrase.NotExpected => "Entschuldigung, damit habe ich nicht gerechnet.",
        Phrase.Goodbye => "Tschüss.",
        Phrase.NotBookedGoodbye => "Okay, ich habe keine Fahrt gebucht. Tschüss.",
        Phrase.StillBookingGoodbye => "Deine Fahrt wird schon gebucht. Tschüss.",
        Phrase.Declined => "Okay, ich buche keine Fahrt. " + Thanks,
        Phrase.NoDestination => "Okay. " + Thanks,
        Phrase.SessionOver => "Dieses Gespräch ist beendet. Um eine Fahrt zu buchen, sag: Alexa, öffne Ride Hailer.",
        Phrase.StillQuoting => "Ich ermittle noch den Preis für deine Fahrt. " + TryShortly,
        Phrase.StillBooking => "Ich buche deine Fahrt noch. " + TryShortly,
        Phrase.StillChecking => "Ich sehe noch nach deinen Fahrten. " + TryShortly,
        Phrase.LostTrack => "Entschuldigung, ich habe den Überblick über deine Fahrt verloren.",
        Phrase.KeepActiveRide => "Okay, ich buche keine weitere Fahrt. Dein Fahrer ist unterwegs.",
        Phrase.NoSecondRideGoodbye => "Okay, ich habe keine weitere Fahrt gebucht. Tschüss.",
        Phrase.HelpPin => "Bevor ich deine Fahrt buche, muss Alexa deine Profil-PIN bestätigen.",
        Phrase.HelpPinRetry =>
            "Deine Profil-PIN hat nicht gepasst, deshalb habe ich die Fahrt nicht gebucht. Sag ja, um es noch einmal zu versuchen, oder nein, um aufzuhören.",
        Phrase.LinkAccount => "Um eine Fahrt zu buchen, braucht Ride Hailer dein Konto. Bitte verknüpfe in der Alexa App dein Ride Hailer Konto " + OpenAgain,
        Phrase.ConsentDenied => "Okay. " + NeedsAccess,
        Phrase.ConsentNotAnswered => NeedsAccess,
        Phrase.ConsentRedirected => "Bitte schließ die Berechtigung für Ride Hailer in der Alexa App ab " + OpenAgain + " " + Thanks,
        Phrase.ConsentFailed => "Entschuldigung, beim Einholen deiner Berechtigung ist etwas schiefgelaufen. " + GivePermission,
        Phrase.PinConnectionFailed => "Entschuldigung, bei der Bestätigung deiner Identität ist etwas schiefgelaufen.",
        Phrase.PinNotVerified => "Entschuldigung, die Bestätigung ist fehlgeschlagen. " + NotBooked,
        Phrase.PinNotEnabled =>
            "Ride Hailer muss deine Profil-PIN bestätigen, bevor es eine Fahrt bucht, und die PIN-Bestätigung ist nicht eingeschaltet. "
            + "Bitte schalte in der Alexa App die PIN-Bestätigung für Ride Hailer ein " + OpenAgain + " " + NotBooked,
        Phrase.PinLockedOut =>
            "Entschuldigung, deine Profil-PIN ist nach zu vielen Versuchen gesperrt, deshalb wurde deine Fahrt nicht gebucht. "
            + "Bitte setze deine Profil-PIN in der Alexa App zurück.",
        Phrase.PinNotSetUp => "Um eine Fahrt zu buchen, richte bitte in der Alexa App eine Profil-PIN ein " + OpenAgain + " " + NotBooked,
        Phrase.PinNoMatch => "Entschuldigung, diese PIN hat nicht gepasst. Möchtest du es noch einmal versuchen?",
        Phrase.PinNoMatchAgain => "Entschuldigung, auch diese PIN hat nicht gepasst, deshalb wurde deine Fahrt nicht gebucht. " + Thanks,
        Phrase.BookingFailed => "Entschuldigung, ich konnte deine Fahrt nicht buchen. " + TryLater + " " + Thanks,
        Phrase.TooManyMissesSearchFailed =>
            "Entschuldigung, ich kann gerade keine Orte nachschlagen und deshalb keine Fahrt buchen. " + TryLater + " " + Thanks,
        Phrase.ProfileUnreachable => "Entschuldigung, ich erreiche dein Amazon-Profil gerade nicht und kann dir deshalb noch keine Fahrt suchen.",
        Phrase.ThanksForConsent => "Danke.",
        Phrase.PriceRefreshed => "Dieser Preis ist abgelaufen, deshalb habe ich noch einmal nachgesehen.",
        Phrase.TooSlow => "Entschuldigung, das hat zu lange gedauert. Bitte versuch es noch einmal.",
        Phrase.Busy => "Entschuldigung, Ride Hailer ist gerade sehr ausgelastet. Bitte versuch es in einer Minute noch einmal.",
        Phrase.Failed => "Entschuldigung, bei Ride Hailer ist etwas schiefgelaufen. " + TryLater,
        Phrase.NoRideBooked => "Du hast gerade keine Fahrt gebucht.",
        Phrase.LastRideCancelled => "Deine letzte Fahrt wurde storniert.",
        Phrase.LastRideNoDriver => "Entschuldigung, für deine letzte Fahrt wurde kein Fahrer gefunden.",
        Phrase.FindingDriver => "Ich suche noch einen Fahrer für deine Fahrt.",
        Phrase.AlreadyCancelled => "Deine Fahrt ist schon storniert.",
        Phrase.RideStarted => "Deine Fahrt hat schon begonnen, deshalb kann ich sie nicht mehr stornieren.",
        Phrase.KeepRide => "Okay, ich storniere sie nicht. Deine Fahrt bleibt gebucht.",
        Phrase.CancelFailed => "Entschuldigung, ich konnte deine Fahrt nicht stornieren. Deine Fahrt bleibt gebucht.",
        Phrase.RideLookupFailed => "Entschuldigung, ich kann deine Fahrt gerade nicht nachsehen. Bitte versuch es in einer Minute noch einmal.",
        Phrase.HelpCancel => "Sag ja, um deine Fahrt zu stornieren, oder nein, um sie zu behalten.",
        Phrase.PlacesUnreachable => "Ich kann gerade keine Orte nachschlagen.",
        Phrase.HelpPlaceChoice => "Ich habe mehrere Orte mit diesem Namen gefunden. Sag: der erste oder der zweite, oder die Stadt, in der er liegt.",
        Phrase.NoHomeAddress =>
            "Ich weiß nicht, wo du zu Hause bist. Ride Hailer bringt dich zur Adresse dieses Geräts, die du in der Alexa App festlegen und freigeben kannst.",
        Phrase.HomeNotFound => "Ich konnte die Adresse dieses Geräts nicht finden.",
        Phrase.AlreadyHome => "Du bist schon zu Hause.",
        Phrase.HelpRideAside => "Du kannst auch fragen, wo deine Fahrt ist, oder sagen: storniere meine Fahrt.",
        Phrase.RideServiceUnreachable => "Ride Hailer erreicht den Fahrdienst gerade nicht. Bitte versuch es in einer Minute noch einmal.",
        _ => throw new ArgumentOutOfRangeException(nameof(phrase), phrase, "No German words for this phrase."),
    };

    /// <inheritdoc/>
    public override IReadOnlyList<SpeechPart> Say(Message message) => message switch
    {
        Greeting { PersonId: { Length: > 0 } personId } => [new SpokenText("Okay, "), new PersonFirstName(personId), new SpokenText(".")],

        // The roster describes cars in English, so German names the driver, the time and the plate only.
        DriverOnTheWay driver =>
        [
            new SpokenText($"{driver.DriverName} ist in {GermanWords.InMinutes(driver.Minutes)} da. Kennzeichen "),
            new SpokenCharacters(driver.LicensePlate),
            new SpokenText("."),
        ],
        _ => [new SpokenText(Words(message))],
    };

    /// <inheritdoc/>
    public override CardText BookedCard(RideBookedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new(
            "Deine Fahrt ist gebucht",
            string.Join(
                '\n',
                $"Fahrer: {card.Dispatch.DriverName}, {card.Dispatch.Car} ({card.Dispatch.LicensePlate})",
                $"Abholung: {card.Pickup.Address ?? (card.Pickup.Source == PickupSource.DeviceAddress ? "deine Adresse" : "dein aktueller Standort")}",
                $"Ziel: {Named(card.Destination)}",
                $"Preis: {GermanWords.Written(card.Price)}",
                $"Ankunft in: {GermanWords.InMinutes(card.DriverMinutes)}"));
    }

    private string Words(Message message) => message switch
    {
        Line line => Say(line.Phrase),
        UnknownPlace { Said: { } said } when !string.IsNullOrWhiteSpace(said) => $"Ich konnte {said.Trim()} nicht finden. {WhereTo}",
        UnknownPlace => "Entschuldigung, ich habe nicht verstanden, wohin du möchtest. " + WhereTo,
        AskConsent ask => $"Gern. Ich brauche Zugriff auf {Labels(ask.Scopes)}, damit ich eine Fahrt für dich finden kann.",
        HelpConsent help => $"Um eine Fahrt für dich zu finden, braucht Ride Hailer {Labels(help.Scopes)}.",
        StillNoAccess still =>
            $"Danke. Ride Hailer kann {Labels(still.Scopes)} immer noch nicht lesen, deshalb kann ich keine Fahrt für dich finden. {GivePermission}",
        Offer offer =>
            $"{RideOf(offer.RideType)} von {From(offer.From)} mit dem Ziel {Named(offer.Destination)} kostet {GermanWords.Money(offer.Price)}, "
            + $"und der Fahrer kann dich in {GermanWords.InMinutes(offer.PickupMinutes)} abholen. Soll ich sie buchen?",
        HelpQuote help =>
            $"Ich habe eine Fahrt mit dem Ziel {Named(help.Destination)} für {GermanWords.Money(help.Price)} gefunden. "
            + "Sag ja, um sie zu buchen, oder nein, um abzubrechen.",
        BookIt bookIt => $"Soll ich die Fahrt mit dem Ziel {Named(bookIt.Destination)} buchen?",
        NoRide { Destination: { } destination } => $"Entschuldigung, ich konnte gerade keine Fahrt mit dem Ziel {Named(destination)} finden. {Thanks}",
        NoRide => $"Entschuldigung, ich konnte gerade keine Fahrt dorthin finden. {Thanks}",
        ActiveRide active =>
            $"Du hast schon eine Fahrt mit dem Ziel {Named(active.Destination)}, die in {GermanWords.InMinutes(active.ArrivesInMinutes)} da ist. "
            + "Möchtest du noch eine?",
        AnotherRide another => $"Möchtest du noch eine Fahrt mit dem Ziel {Named(another.Destination)}?",
        HelpSecondRide help =>
            $"Du hast schon eine Fahrt mit dem Ziel {Named(help.Destination)}, die unterwegs ist. "
            + "Sag ja, um noch eine Fahrt zu buchen, oder nein, um nur diese zu behalten.",
        Greeting { GivenName: { Length: > 0 } name } => $"Okay, {name}.",
        Greeting => "Okay.",
        Booked booked => $"Super. Dein Fahrer ist in {GermanWords.InMinutes(booked.DriverMinutes)} da.",
        AlreadyBooked booked =>
            $"Deine Fahrt mit dem Ziel {Named(booked.Destination)} ist gebucht. Dein Fahrer ist in {GermanWords.InMinutes(booked.DriverMinutes)} da.",
        ChoosePlace choose => $"Ich habe {GermanWords.Number(choose.Choices.Count)} gefunden: {Choices(choose.Choices, "und")}. Welchen meinst du?",
        WhichPlace which => $"Welchen meinst du: {Choices(which.Choices, "oder")}?",
        DriverArriving driver => $"{driver.DriverName} ist gleich da.",
        OnYourWay onYourWay => $"Du bist unterwegs, Ziel {Named(onYourWay.Destination)}.",
        ConfirmCancel { Fee: { } fee } confirm =>
            $"Soll ich deine Fahrt mit dem Ziel {Named(confirm.Destination)} mit {confirm.DriverName} stornieren? "
            + $"Weil dein Fahrer schon in der Nähe ist, kostet das jetzt eine Stornogebühr von {GermanWords.Money(fee)}.",
        ConfirmCancel confirm => $"Soll ich deine Fahrt mit dem Ziel {Named(confirm.Destination)} mit {confirm.DriverName} stornieren?",
        CancelDone { Fee: { } fee } done =>
            $"Okay, ich habe deine Fahrt mit dem Ziel {Named(done.Destination)} storniert. Die Stornogebühr beträgt {GermanWords.Money(fee)}.",
        CancelDone done => $"Okay, ich habe deine Fahrt mit dem Ziel {Named(done.Destination)} storniert.",
        DestinationHelp { Examples: { } examples } =>
            $"Ride Hailer bucht eine Fahrt für dich. Sag mir, wohin du möchtest, zum Beispiel {Short(examples.Landmark)} oder {Short(examples.Airport)}. "
            + MoreHelp,
        DestinationHelp => "Ride Hailer bucht eine Fahrt für dich. Sag mir, wohin du möchtest. " + MoreHelp,
        DestinationGivenUp given => GivenUp(given.Miss, given.Examples) + " " + Thanks,
        _ => throw new ArgumentOutOfRangeException(nameof(message), message.GetType().Name, "No German words for this message."),
    };

    /// <summary>
    /// Why the session ends after the last miss at the destination, and how to ask next time, with an example of the
    /// rider's city. The examples are said as a rider says them to a driver ("Brandenburger Tor, bitte") or after
    /// "zum", which every airport takes ("ein Taxi zum Flughafen BER"): both are samples of the de-DE model.
    /// </summary>
    private static string GivenUp(DestinationMiss miss, PlaceExamples? examples) => (miss, examples) switch
    {
        (DestinationMiss.NotUnderstood, { } e) =>
            "Entschuldigung, ich habe es immer noch nicht verstanden. Ride Hailer bucht Fahrten: Öffne es noch einmal und sag, wohin du möchtest, "
            + $"zum Beispiel: {Short(e.Landmark)}, bitte.",
        (DestinationMiss.NotUnderstood, null) =>
            "Entschuldigung, ich habe es immer noch nicht verstanden. Ride Hailer bucht Fahrten: Öffne es noch einmal und sag, wohin du möchtest.",
        (DestinationMiss.NoPlace, { } e) =>
            "Entschuldigung, ich habe immer noch nicht verstanden, wohin du möchtest. Sag beim nächsten Mal den Ort gleich mit, "
            + $"zum Beispiel: ein Taxi zum {Short(e.Airport)}.",
        (DestinationMiss.NoPlace, null) =>
            "Entschuldigung, ich habe immer noch nicht verstanden, wohin du möchtest. Sag beim nächsten Mal den Ort gleich mit.",
        (_, { } e) =>
            $"Entschuldigung, ich konnte diesen Ort immer noch nicht finden. Du kannst nach Orten wie {Short(e.Landmark)} oder {Short(e.Airport)} fragen.",
        _ => "Entschuldigung, ich konnte diesen Ort immer noch nicht finden.",
    };

    /// <summary>A place as German says and shows it: its German name where it has one ("Flughafen Heathrow"), else its name.</summary>
    private static string Named(Place place) => place.NameIn(Language);

    /// <summary>An example place as German riders say it for short ("Flughafen BER"): its German short name, else its German name.</summary>
    private static string Short(Place place) =>
        place.NamesByLanguage.TryGetValue(Language, out var german) ? german.ShortName ?? german.Name : place.Name;

    private static string Choices(IReadOnlyList<Place> places, string conjunction)
    {
        var named = places.Select(place => $"{Named(place)} in {place.City}").ToList();
        return named.Count < 2 ? string.Concat(named) : $"{string.Join(", ", named[..^1])} {conjunction} {named[^1]}";
    }

    /// <summary>"Eine Fahrt", "Eine XL-Fahrt", "Eine Premium-Fahrt": the offer names the kind of car when it is not standard.</summary>
    private static string RideOf(RideType rideType) => rideType switch
    {
        RideType.Xl => "Eine XL-Fahrt",
        RideType.Premium => "Eine Premium-Fahrt",
        _ => "Eine Fahrt",
    };

    /// <summary>What the skill needs, in the accusative ("auf deinen Namen und deine Handynummer").</summary>
    private static string Labels(IReadOnlyList<RiderScope> scopes) => GermanWords.List([.. scopes.Select(Label).Distinct()]);

    private static string Label(RiderScope scope) => scope switch
    {
        RiderScope.GivenName or RiderScope.FullName => "deinen Namen",
        RiderScope.MobileNumber => "deine Handynummer",
        RiderScope.Geolocation => "deinen aktuellen Standort",
        RiderScope.Address => "deine Adresse",
        _ => "deine Angaben",
    };

    /// <summary>After "von" (dative).</summary>
    private static string From(PickupSource source) =>
        source == PickupSource.DeviceAddress ? "deiner Adresse" : "deinem aktuellen Standort";
}
