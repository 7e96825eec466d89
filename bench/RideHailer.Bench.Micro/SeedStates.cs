using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Skill.Rides;

namespace RideHailer.Bench.Micro;

/// <summary>The seed conversation's states, reached through the Domain itself, for the decision and render benchmarks.</summary>
internal sealed class SeedStates
{
    public SeedStates()
    {
        var conversation = new Conversation(ConversationSettings.Default);
        var now = DateTimeOffset.UtcNow;
        var linked = new RiderFacts { RiderId = "rider-jane", PersonId = "amzn1.ask.person.jane", SupportsGeolocation = true };
        var launched = conversation.Decide(SessionState.Start("session-bench"), new Launch(), new TurnContext(now, "n1", linked));
        var checking = conversation.Decide(launched.State, new RideRequested("the space needle", null), new TurnContext(now, "n2", linked));
        var consent = conversation.Decide(checking.State, new NoActiveRide(), new TurnContext(now, "n2", linked));
        AwaitingConsent = consent.State;
        ConsentToken = consent.State.PendingConnection?.Format() ?? throw new InvalidOperationException("no consent connection");
        Granted = linked with
        {
            GrantedScopes = [RiderScope.GivenName, RiderScope.MobileNumber, RiderScope.Geolocation],
            GivenName = "Jane",
            MobileNumber = "+1 2065550142",
            Pickup = Pickup.AtGeolocation(new GeoPoint(47.6097, -122.3422)),
        };
        var accepted = conversation.Decide(AwaitingConsent, new ConsentResolved(ConsentToken, ConsentOutcome.Accepted), new TurnContext(now, "n3", Granted));
        var command = accepted.Commands.OfType<QuoteRide>().Single();
        var quote = new LocalFleet([FleetTariff.Standard]).QuoteAsync(command.Pickup, command.Destination, command.RideType, now, CancellationToken.None).Result;
        var quoted = conversation.Decide(accepted.State, new QuoteReady(quote), new TurnContext(now, "n4", Granted));
        AwaitingQuoteAnswer = quoted.State;
        QuoteReply = quoted.Reply ?? throw new InvalidOperationException("no quote reply");
        PinReply = conversation.Decide(AwaitingQuoteAnswer, new Yes(), new TurnContext(now, "n5", Granted)).Reply
                   ?? throw new InvalidOperationException("no PIN reply");
    }

    public SessionState AwaitingConsent { get; }

    public string ConsentToken { get; }

    public RiderFacts Granted { get; }

    public SessionState AwaitingQuoteAnswer { get; }

    /// <summary>"Thank you. A ride to the Space Needle … Do you want me to book it?" with its reprompt.</summary>
    public Reply QuoteReply { get; }

    /// <summary>"Ok, &lt;first name&gt;." (SSML) with the VerifyPerson StartConnection.</summary>
    public Reply PinReply { get; }
}
