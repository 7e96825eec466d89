using RideHailer.Domain;
using RideHailer.Domain.Replies;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>
/// A turn whose reply missed the budget still lands; the rider, told "that took too long", says it again. The
/// repeat hears what the step the session is now at would say: never a skipped step, never a second live token.
/// </summary>
public sealed class RepeatedTurnTests
{
    [Fact]
    public void SameDestinationAgain_WhileTheQuoteIsOnOffer_ReSpeaksTheQuoteWithoutPricingAgain()
    {
        var session = Sessions.At(SessionStep.AwaitingQuoteAnswer);
        var quote = session.State.Quote;

        var again = session.Send(new RideRequested("the space needle", null));

        Assert.Empty(again.Commands);
        Assert.Equal(SessionStep.AwaitingQuoteAnswer, again.State.Step);
        Assert.Same(quote, again.State.Quote);
        Assert.StartsWith("A ride to the Space Needle", again.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherDestination_WhileTheQuoteIsOnOffer_IsPricedAfresh()
    {
        var session = Sessions.At(SessionStep.AwaitingQuoteAnswer);

        var other = session.Decide(new RideRequested("pike place market", null));

        Assert.Contains(other.Commands, command => command is QuoteRide);
    }

    [Fact]
    public void SameDestinationAgain_WhileConsentIsPending_OffersTheSameConnection()
    {
        var session = Sessions.At(SessionStep.AwaitingConsent);
        var token = session.PendingToken;

        var again = session.Send(new RideRequested("the space needle", null));

        Assert.Equal(token, Assert.IsType<ConsentConnectionRequest>(again.Reply!.Connection).Token);
        Assert.Equal(token, session.PendingToken);
    }

    [Fact]
    public void SameDestinationAgain_WhileThePinIsPending_OffersTheSameConnection()
    {
        var session = Sessions.At(SessionStep.AwaitingPin);
        var token = session.PendingToken;

        var again = session.Send(new RideRequested("the space needle", null));

        Assert.Equal(token, Assert.IsType<PinConnectionRequest>(again.Reply!.Connection).Token);
        Assert.Equal(SessionStep.AwaitingPin, again.State.Step);
    }
}
