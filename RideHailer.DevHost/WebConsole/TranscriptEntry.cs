namespace RideHailer.DevHost.WebConsole;

/// <summary>One line of the page's transcript: who spoke or what happened (<see cref="Kind"/>), and a card's content.</summary>
internal sealed record TranscriptEntry(string Kind, string Text, CardView? Card = null)
{
    public const string RiderKind = "rider";
    public const string AlexaKind = "alexa";

    /// <summary>Said or done inside Amazon's consent or PIN task.</summary>
    public const string AsideKind = "aside";
    public const string NoteKind = "note";
    public const string ErrorKind = "error";
    public const string CardKind = "card";
    public const string SessionEndedKind = "session-ended";

    /// <summary>Done in the Alexa app, outside any session (the "Alexa app" panel).</summary>
    public const string AlexaAppKind = "alexa-app";
}

/// <summary>A card for the Alexa app, as the skill sent it.</summary>
internal sealed record CardView(string Type, string? Title, string? Content, IReadOnlyList<string> Permissions);
