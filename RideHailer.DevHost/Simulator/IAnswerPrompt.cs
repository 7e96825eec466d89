namespace RideHailer.DevHost.Simulator;

/// <summary>Asks the developer how a consent or PIN turn should end, when no flag says.</summary>
internal interface IAnswerPrompt
{
    ConsentAnswer AskConsent();

    PinAnswer AskPin();
}
