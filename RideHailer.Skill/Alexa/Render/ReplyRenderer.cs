using System.Security;
using System.Text;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Render.Responses;
using RideHailer.Skill.Speech;

namespace RideHailer.Skill.Alexa.Render;

/// <summary>Renders a domain reply as Alexa's response JSON, in the words of one phrase table.</summary>
public static class ReplyRenderer
{
    public static ResponseEnvelope Render(Reply? reply, PhraseTable phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        if (reply is null)
        {
            return new ResponseEnvelope(new ResponseBody());
        }

        return new ResponseEnvelope(new ResponseBody
        {
            OutputSpeech = Speak(reply.Speech, phrases),
            Reprompt = reply.Session == SessionBehavior.KeepOpen && reply.Reprompt is { } reprompt && Speak(reprompt, phrases) is { } again
                ? new Reprompt(again)
                : null,
            Card = reply.Card is { } card ? Render(card, phrases) : null,
            Directives = reply.Connection is { } connection ? [Render(connection)] : null,
            // Alexa requires shouldEndSession to be absent while a connection runs.
            ShouldEndSession = reply.Connection is not null || reply.Session == SessionBehavior.AwaitConnection
                ? null
                : reply.Session == SessionBehavior.End,
        });
    }

    /// <summary>
    /// The messages' words, one after another: plain text unless they name a recognised speaker or spell something out
    /// (a licence plate), which need SSML.
    /// </summary>
    public static OutputSpeech? Speak(IReadOnlyList<Message> messages, PhraseTable phrases)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(phrases);
        var parts = new List<SpeechPart>();
        foreach (var message in messages)
        {
            if (parts.Count > 0)
            {
                parts.Add(new SpokenText(" "));
            }

            parts.AddRange(phrases.Say(message));
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.All(part => part is SpokenText))
        {
            return new PlainTextSpeech(string.Concat(parts.OfType<SpokenText>().Select(text => text.Text)));
        }

        var ssml = new StringBuilder("<speak>");
        foreach (var part in parts)
        {
            ssml.Append(part switch
            {
                PersonFirstName person => $"<alexa:name type=\"first\" personId=\"{SecurityElement.Escape(person.PersonId)}\"/>",
                SpokenText text => SecurityElement.Escape(text.Text),
                SpokenCharacters characters => $"<say-as interpret-as=\"characters\">{SecurityElement.Escape(characters.Said)}</say-as>",
                _ => "",
            });
        }

        return new SsmlSpeech(ssml.Append("</speak>").ToString());
    }

    private static Card Render(AppCard card, PhraseTable phrases) => card switch
    {
        RideBookedCard booked when phrases.BookedCard(booked) is var text => new SimpleCard(text.Title, text.Content),
        AccountLinkingCard => new LinkAccountCard(),
        PermissionsCard permissions => new AskForPermissionsConsentCard([.. permissions.Scopes.Select(PermissionScopes.Of)]),
        _ => throw new ArgumentOutOfRangeException(nameof(card), card.GetType().Name, "Unknown card."),
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
