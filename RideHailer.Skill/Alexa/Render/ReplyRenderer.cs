using System.Security;
using System.Text;
using RideHailer.Domain;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Render.Responses;

namespace RideHailer.Skill.Alexa.Render;

/// <summary>Maps a domain reply to Alexa's response JSON.</summary>
public static class ReplyRenderer
{
    public const string CardTitle = "Ride Hailer";

    public static ResponseEnvelope Render(Reply? reply)
    {
        if (reply is null)
        {
            return new ResponseEnvelope(new ResponseBody());
        }

        return new ResponseEnvelope(new ResponseBody
        {
            OutputSpeech = Speak(reply.Speech),
            Reprompt = reply.Session == SessionBehavior.KeepOpen && reply.Reprompt is { } reprompt && Speak(reprompt) is { } again
                ? new Reprompt(again)
                : null,
            Card = reply.Card is { } card ? Render(card) : null,
            Directives = reply.Connection is { } connection ? [Render(connection)] : null,
            // Alexa requires shouldEndSession to be absent while a connection runs.
            ShouldEndSession = reply.Connection is not null || reply.Session == SessionBehavior.AwaitConnection
                ? null
                : reply.Session == SessionBehavior.End,
        });
    }

    /// <summary>Plain text unless the speech names a recognised speaker, which needs SSML.</summary>
    public static OutputSpeech? Speak(Speech speech)
    {
        ArgumentNullException.ThrowIfNull(speech);
        if (speech.Parts.Count == 0)
        {
            return null;
        }

        if (!speech.Parts.OfType<PersonFirstName>().Any())
        {
            return new PlainTextSpeech(speech.ToPlainText());
        }

        var ssml = new StringBuilder("<speak>");
        foreach (var part in speech.Parts)
        {
            ssml.Append(part switch
            {
                PersonFirstName person => $"<alexa:name type=\"first\" personId=\"{SecurityElement.Escape(person.PersonId)}\"/>",
                SpokenText text => SecurityElement.Escape(text.Text),
                _ => "",
            });
        }

        return new SsmlSpeech(ssml.Append("</speak>").ToString());
    }

    private static Card Render(AppCard card) => card switch
    {
        TextCard text => new SimpleCard(text.Title, text.Content),
        AccountLinkingCard => new LinkAccountCard(),
        PermissionsCard permissions => new AskForPermissionsConsentCard([.. permissions.Scopes.Select(PermissionScopes.Of)]),
        _ => new SimpleCard(CardTitle, ""),
    };

    private static StartConnectionDirective Render(ConnectionRequest connection) => connection switch
    {
        ConsentConnectionRequest consent => ConsentConnection.Start(
            [.. consent.Scopes.Select(scope => new RequestedScope(
                PermissionScopes.Of(scope.Scope), scope.Level == ConsentLevel.Person ? RequestedScope.PersonLevel : RequestedScope.AccountLevel))],
            consent.Token),
        PinConnectionRequest pin => PinConnection.Start(pin.Token),
        _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.GetType().Name, "Unknown connection."),
    };
}
