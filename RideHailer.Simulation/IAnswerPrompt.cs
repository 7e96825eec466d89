namespace RideHailer.Simulation;

/// <summary>Asks the developer how a consent or PIN turn should end, when no flag says.</summary>
public interface IAnswerPrompt
{
    ConsentAnswer AskConsent();

    PinAnswer AskPin();
}
