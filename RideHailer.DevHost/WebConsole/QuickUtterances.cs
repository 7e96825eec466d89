using RideHailer.Domain;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// What a rider would say next at each step: the page's quick buttons. Each resolves against the interaction model
/// like anything typed (a test checks they do), so they are shortcuts, not another way in.
/// </summary>
internal static class QuickUtterances
{
    private static readonly string[] Opening = ["open ride hailer", "ask ride hailer for a ride to the space needle"];
    private static readonly string[] Destinations = ["the space needle", "pike place market", "take me to sea tac", "take me to the moon"];
    private static readonly string[] Answers = ["yes", "no"];
    private static readonly string[] Choices = ["the first one", "the second one"];
    private static readonly string[] Always = ["help", "stop", "quit"];

    /// <param name="step">The session's step; null when no session is open.</param>
    public static IReadOnlyList<string> For(SessionStep? step) => step switch
    {
        null or SessionStep.New or SessionStep.Booked or SessionStep.Ended => Opening,
        SessionStep.AwaitingDestination => [.. Destinations, .. Always],
        SessionStep.AwaitingPlaceChoice => [.. Choices, .. Always],
        SessionStep.AwaitingQuoteAnswer or SessionStep.AwaitingSecondRideAnswer or SessionStep.AwaitingPinRetryAnswer => [.. Answers, .. Always],
        _ => Always,
    };
}
