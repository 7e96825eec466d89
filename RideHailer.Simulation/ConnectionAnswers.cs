namespace RideHailer.Simulation;

/// <summary>
/// Chooses how each consent or PIN turn ends: the flag when given, else the prompt in a terminal, else (piped) the
/// happy path — accepted, achieved — said once in the transcript so a script's reader knows.
/// </summary>
public sealed class ConnectionAnswers(ConsentAnswer? consent, PinAnswer? pin, IAnswerPrompt? prompt, ITranscript transcript)
{
    /// <summary>What the rider said to Alexa's task, when the answer came from their words: the transcript shows them, not a description.</summary>
    public string? Said { get; init; }

    private bool _consentDefaultSaid;
    private bool _pinDefaultSaid;

    public ConsentAnswer Consent()
    {
        if (consent is { } flagged)
        {
            return flagged;
        }

        if (prompt is not null)
        {
            return prompt.AskConsent();
        }

        if (!_consentDefaultSaid)
        {
            transcript.Note("no --consent given and no terminal to ask in: answering 'accepted'");
            _consentDefaultSaid = true;
        }

        return ConsentAnswer.Accepted;
    }

    public PinAnswer Pin()
    {
        if (pin is { } flagged)
        {
            return flagged;
        }

        if (prompt is not null)
        {
            return prompt.AskPin();
        }

        if (!_pinDefaultSaid)
        {
            transcript.Note("no --pin given and no terminal to ask in: answering 'achieved'");
            _pinDefaultSaid = true;
        }

        return PinAnswer.Achieved;
    }
}
