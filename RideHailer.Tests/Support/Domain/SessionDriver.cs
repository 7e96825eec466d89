using Microsoft.Extensions.Logging.Abstractions;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Pin;
using RideHailer.Domain.Places;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Rides;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Support.Domain;

/// <summary>
/// Plays a session against the conversation the way the orchestration will: supplies the clock, a fresh
/// nonce per turn and the rider facts, keeps the state, and can carry out commands with the local fleet.
/// The place search and the look-up of a ride still on its way are answered within the rider's turn, from
/// <see cref="Places"/> and <see cref="Store"/> unless <see cref="LookupAnswer"/> says otherwise, so tests of later
/// steps need not play them. The ride's status, fee and cancel run the workflow's activities over <see cref="Provider"/>
/// and <see cref="Store"/> (raising the ride orchestration's event is the orchestration's, not played here).
/// </summary>
internal sealed class SessionDriver
{
    public static readonly DateTimeOffset Noon = new(2025, 6, 1, 19, 0, 0, TimeSpan.Zero);

    private readonly Conversation _conversation;
    private int _nonce;

    public SessionDriver(ConversationSettings? settings = null, RiderFacts? rider = null, FleetTariff? tariff = null)
    {
        // The skill's markets (help names places of the rider's city) unless a test's settings bring their own.
        Settings = settings ?? ConversationSettings.Default;
        Settings = Settings.Markets.Count > 0 ? Settings : Settings with { Markets = PlaceCatalog.Markets };
        _conversation = new Conversation(Settings);
        Rider = rider ?? Riders.FullyGranted();
        Fleet = new LocalFleet(tariff ?? FleetTariff.Standard);
        Booker = new RideBooker(Fleet, Store);
        Provider = Fleet;
    }

    public ConversationSettings Settings { get; }

    public SessionState State { get; set; } = SessionState.Start("amzn1.echo-api.session.0001");

    public RiderFacts Rider { get; set; }

    public DateTimeOffset Now { get; set; } = Noon;

    public LocalFleet Fleet { get; }

    public InProcessBookingStore Store { get; } = new();

    /// <summary>The place search that answers the rider's destinations: the built-in catalog unless a test sets another.</summary>
    public IPlaceSearch Places { get; set; } = PlaceCatalog.Default;

    /// <summary>Every place search the driver answered, in order.</summary>
    public List<FindPlace> Searches { get; } = [];

    public RideBooker Booker { get; }

    /// <summary>
    /// The provider the ride's status, fee and cancel are asked of (the status, fee and cancel activities run over it
    /// and <see cref="Store"/>); the local fleet unless a test sets a fake.
    /// </summary>
    public IRideProvider Provider { get; set; }

    /// <summary>Commands of the decisions returned to the test; the look-ups the driver answered itself are in <see cref="Lookups"/>.</summary>
    public List<Command> CommandsIssued { get; } = [];

    /// <summary>The FindActiveRide commands the driver answered within a turn.</summary>
    public List<FindActiveRide> Lookups { get; } = [];

    /// <summary>What a look-up answers (ActiveRideFound, NoActiveRide, ActiveRideLookupFailed); null asks <see cref="Store"/>.</summary>
    public Turn? LookupAnswer { get; set; }

    public string PendingToken => State.PendingConnection?.Format() ?? throw new InvalidOperationException("Nothing pending.");

    /// <summary>Applies one turn, answers a look-up it commands (with the same nonce: one rider turn), and keeps the new state.</summary>
    public Decision Send(Turn turn)
    {
        var nonce = $"nonce-{++_nonce}";
        var decision = Apply(turn, nonce);
        while (decision.Commands is [FindActiveRide or FindPlace])
        {
            decision = Apply(decision.Commands[0] switch
            {
                FindActiveRide lookup => AnswerTo(lookup),
                var search => AnswerTo((FindPlace)search),
            }, nonce);
        }

        CommandsIssued.AddRange(decision.Commands);
        return decision;
    }

    /// <summary>
    /// Applies one turn and keeps the new state; nothing it commands is answered but the place search, which is part
    /// of the rider's turn wherever it happens.
    /// </summary>
    public Decision Decide(Turn turn)
    {
        var nonce = $"nonce-{++_nonce}";
        var decision = Apply(turn, nonce);
        while (decision.Commands is [FindPlace search])
        {
            decision = Apply(AnswerTo(search), nonce);
        }

        CommandsIssued.AddRange(decision.Commands);
        return decision;
    }

    /// <summary>The same rider, a new Alexa session: a fresh state over the same store and clock.</summary>
    public void NewSession(string sessionKey = "amzn1.echo-api.session.0002") => State = SessionState.Start(sessionKey);

    /// <summary>Applies a turn, then carries out its commands and feeds their results back until a reply comes.</summary>
    public async Task<Decision> SendAndRunAsync(Turn turn)
    {
        var decision = Send(turn);
        while (decision.Commands.Count > 0)
        {
            decision = Send(await RunAsync(decision.Commands[0]));
        }

        return decision;
    }

    public Decision ResumeConsent(ConsentOutcome outcome) => Send(new ConsentResolved(PendingToken, outcome));

    public Task<Decision> ResumeConsentAndRunAsync(ConsentOutcome outcome) => SendAndRunAsync(new ConsentResolved(PendingToken, outcome));

    public Decision ResumePin(PinVerification verification, int? level = 400, bool personPresent = true) =>
        Send(new PinResolved(PendingToken, verification, level, personPresent));

    /// <summary>Drives a fully granted rider to the quote offer with a fixed fifteen-dollar, ten-minute quote.</summary>
    public Decision OfferQuote(Quote? quote = null)
    {
        Send(new RideRequested("the space needle", null));
        return Send(new QuoteReady(quote ?? Quotes.SpaceNeedle(Now)));
    }

    /// <summary>Drives to the PIN connection.</summary>
    public Decision StartPin()
    {
        OfferQuote();
        return Send(new Yes());
    }

    private Decision Apply(Turn turn, string nonce)
    {
        var decision = _conversation.Decide(State, turn, new TurnContext(Now, nonce, Rider));
        State = decision.State;
        return decision;
    }

    private Turn AnswerTo(FindPlace search)
    {
        Searches.Add(search);
        try
        {
            return new PlacesFound(Places.FindAsync(search.Query, CancellationToken.None).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // As the orchestration does with a failed FindPlace activity.
            return new PlaceSearchFailed(e.GetType().Name);
        }
    }

    private Turn AnswerTo(FindActiveRide lookup)
    {
        Lookups.Add(lookup);
        if (LookupAnswer is { } answer)
        {
            return answer;
        }

        // The in-process store answers synchronously.
        var active = Store.FindActiveAsync(lookup.RiderId, Now, CancellationToken.None).GetAwaiter().GetResult();
        return active is null ? new NoActiveRide() : new ActiveRideFound(active);
    }

    private async Task<Turn> RunAsync(Command command)
    {
        switch (command)
        {
            case FindActiveRide lookup:
                return AnswerTo(lookup);

            case QuoteRide quote:
                try
                {
                    return new QuoteReady(await Fleet.QuoteAsync(quote.Pickup, quote.Destination, quote.RideType, Now, CancellationToken.None));
                }
                catch (RideUnavailableException e)
                {
                    return new QuoteFailed(e.Message);
                }

            case BookRide book:
                return new BookingDone((await Booker.BookAsync(book, Now, CancellationToken.None)).Booking);

            case FindLatestRide find:
                var latest = await new FindLatestRideActivity(Store, Provider, NullLogger<FindLatestRideActivity>.Instance)
                    .RunAsync(new FindLatestRideInput(find, Now), CancellationToken.None);
                return latest is null ? new NoLatestRide() : new LatestRideFound(latest);

            case PriceCancellation price:
                try
                {
                    return new CancellationFeeFound(
                        await new PriceCancellationActivity(Provider).RunAsync(new PriceCancellationInput(price, Now), CancellationToken.None));
                }
                catch (Exception e) when (e is RideServiceUnreachableException or RideUnavailableException)
                {
                    return new CancellationFeeFailed(e.GetType().Name);
                }

            case CancelRide cancel:
                try
                {
                    return new RideCanceled(
                        await new CancelRideActivity(Store, Provider).RunAsync(new CancelRideInput(cancel, Now), CancellationToken.None));
                }
                catch (Exception e) when (e is RideServiceUnreachableException or RideUnavailableException)
                {
                    return new RideCancelFailed(e.GetType().Name, e is RideServiceUnreachableException);
                }

            default:
                throw new InvalidOperationException($"Unknown command {command}.");
        }
    }
}
