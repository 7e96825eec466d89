using RideHailer.Domain;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// What a rider would say next at each step: the page's quick buttons. Each resolves against the interaction model
/// like anything typed (a test checks they do), so they are shortcuts, not another way in.
/// </summary>
internal static class QuickUtterances
{
    private static readonly string[] Opening =
    [
        "open ride hailer", "ask ride hailer for a ride to the space needle", "ask ride hailer where my ride is",
        "ask ride hailer to cancel my ride", "ask ride hailer how much is an xl to the airport",
    ];

    private static readonly string[] AboutTheRide = ["where is my ride", "cancel my ride"];
    private static readonly string[] Destinations = ["the space needle", "pike place market", "take me to sea tac", "take me to the moon"];
    private static readonly string[] Answers = ["yes", "no"];
    private static readonly string[] Choices = ["the first one", "the second one"];
    private static readonly string[] Always = ["help", "stop", "quit"];

    private static readonly string[] GermanOpening = ["öffne ride hailer", "sag ride hailer bring mich zur space needle"];
    private static readonly string[] GermanDestinations = ["space needle", "pike place market", "bring mich zu sea tac", "bring mich zum mond"];
    private static readonly string[] GermanAboutTheRide = ["wo ist meine fahrt", "storniere meine fahrt"];
    private static readonly string[] GermanChoices = ["der erste", "der zweite"];
    private static readonly string[] GermanAnswers = ["ja", "nein"];
    private static readonly string[] GermanAlways = ["hilfe", "stopp", "quit"];

    /// <param name="step">The session's step; null when no session is open.</param>
    /// <param name="locale">The rider's locale: a German rider is offered German words.</param>
    public static IReadOnlyList<string> For(SessionStep? step, string? locale = null)
    {
        var german = locale?.StartsWith("de", StringComparison.OrdinalIgnoreCase) == true;
        var always = german ? GermanAlways : Always;
        return step switch
        {
            null or SessionStep.New or SessionStep.Booked or SessionStep.Ended => german ? GermanOpening : Opening,
            SessionStep.AwaitingDestination => [.. german ? GermanDestinations : Destinations, .. german ? GermanAboutTheRide : AboutTheRide, .. always],
            // A rider may ask about their ride at any question of a booking: it is answered, and the question asked again.
            SessionStep.AwaitingPlaceChoice => [.. german ? GermanChoices : Choices, .. german ? GermanAboutTheRide : AboutTheRide, .. always],
            SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingSecondRideAnswer or SessionStep.AwaitingPinRetryAnswer =>
                [.. german ? GermanAnswers : Answers, .. german ? GermanAboutTheRide : AboutTheRide, .. always],
            SessionStep.AwaitingCancelAnswer => [.. german ? GermanAnswers : Answers, .. always],
            _ => always,
        };
    }
}
