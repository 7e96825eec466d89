using System.Globalization;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Skill.Alexa.Read;

/// <summary>Maps an Alexa request to the domain turn it means. Request types the skill does not converse with map to null.</summary>
public static class TurnReader
{
    public const string OrderRideIntent = "OrderRideIntent";
    public const string DestinationSlot = "destination";
    public const string RideStatusIntent = "RideStatusIntent";
    public const string CancelRideIntent = "CancelRideIntent";
    public const string PriceCheckIntent = "PriceCheckIntent";
    public const string RideTypeSlot = "rideType";

    /// <summary>"Take me home": a ride to the device's address (its own intent, so "home" is never searched as a place).</summary>
    public const string RideHomeIntent = "RideHomeIntent";

    /// <summary>The answer to "Which one?": a position ("the second one", AMAZON.Ordinal) or words naming the place.</summary>
    public const string ChoosePlaceIntent = "ChoosePlaceIntent";

    /// <summary>AMAZON.Ordinal: Alexa sends the position as digits ("second" → "2").</summary>
    public const string PositionSlot = "position";

    /// <summary>The words naming one of the offered places ("the one in {place}"), passed through unresolved.</summary>
    public const string PlaceSlot = "place";

    public static Turn? Read(AlexaRequest request) => Read(request, ConnectionResultReport.From(request));

    /// <summary>The turn <paramref name="request"/> means, given its connection result read already.</summary>
    public static Turn? Read(AlexaRequest request, ConnectionResultReport? result)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Request switch
        {
            LaunchRequest => new Launch(),
            IntentRequest intent => ReadIntent(intent.Intent),
            SessionResumedRequest resumed => ReadResume(request, resumed.Cause, result),
            SessionEndedRequest ended => new SessionEnded(ended.Reason),
            _ => null,
        };
    }

    private static Turn ReadIntent(Intent intent) => intent.Name switch
    {
        OrderRideIntent => RideRequest(intent),

        // A price check is the booking's own path: the quote (after consent, which the pickup needs) ends with
        // "Do you want me to book it?", and a yes goes on to the PIN like any offer.
        PriceCheckIntent => RideRequest(intent),
        RideStatusIntent => new RideStatusAsked(),
        CancelRideIntent => new CancelRideAsked(),
        RideHomeIntent => new RideHomeRequested(),
        ChoosePlaceIntent => new PlaceChosen(
            int.TryParse(intent.Slot(PositionSlot)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : null,
            NullIfBlank(intent.Slot(PlaceSlot)?.Value)),
        "AMAZON.YesIntent" => new Yes(),
        "AMAZON.NoIntent" => new No(),
        "AMAZON.HelpIntent" => new Help(),
        "AMAZON.StopIntent" => new Stop(),
        "AMAZON.CancelIntent" or "AMAZON.NavigateHomeIntent" => new Dismiss(),
        _ => new Fallback(),
    };

    /// <summary>The token's kind says which result shape <c>cause.result</c> has; Alexa's words become the Domain's here.</summary>
    private static Turn ReadResume(AlexaRequest request, ConnectionCause? cause, ConnectionResultReport? result)
    {
        if (cause is null || result is null)
        {
            return new UnmatchedResume();
        }

        if (result.Kind == ConnectionKind.Consent)
        {
            return new ConsentResolved(cause.Token!, ConsentOutcomeReader.Read(result.Code, result.Status));
        }

        var person = request.System?.Person;
        return new PinResolved(
            cause.Token!,
            PinVerificationReader.Read(result.Code, result.Status, result.Reason),
            person?.AuthenticationConfidenceLevel?.Level,
            person is not null);
    }

    /// <summary>The destination as said and as resolved, and the kind of car when the rider named one.</summary>
    private static RideRequested RideRequest(Intent intent) =>
        new(NullIfBlank(intent.Slot(DestinationSlot)?.Value), intent.Slot(DestinationSlot)?.ResolvedId)
        {
            RideType = RideTypeReader.Read(intent.Slot(RideTypeSlot)),
        };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
