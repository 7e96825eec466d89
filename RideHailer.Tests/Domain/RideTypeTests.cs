using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Tests.Support.Domain;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Domain;

/// <summary>Ride types and price checks: the kind of car asked for is priced and named; a price check goes the booking's own way.</summary>
public sealed class RideTypeTests
{
    [Theory]
    [InlineData(RideType.Xl, "An XL to the Space Needle from your current location will cost ")]
    [InlineData(RideType.Premium, "A premium ride to the Space Needle from your current location will cost ")]
    [InlineData(RideType.Standard, "A ride to the Space Needle from your current location will cost ")]
    public async Task RideType_IsQuotedAndTheOfferNamesItWhenNotStandard(RideType rideType, string offerStart)
    {
        var session = new SessionDriver();

        var offer = await session.SendAndRunAsync(new RideRequested("the space needle", null) { RideType = rideType });

        Assert.StartsWith(offerStart, offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(rideType, offer.State.Quote?.RideType);
    }

    [Fact]
    public async Task Xl_CostsMoreThanStandard_OnTheBuiltInFleet()
    {
        var standard = await new SessionDriver().SendAndRunAsync(new RideRequested("the airport", null));
        var xl = await new SessionDriver().SendAndRunAsync(new RideRequested("the airport", null) { RideType = RideType.Xl });

        Assert.True(xl.State.Quote!.Price.Amount > standard.State.Quote!.Price.Amount);
    }

    [Fact]
    public void RideTypeWithoutAPlace_IsKept_AndWhereToIsAskedWithoutAMiss()
    {
        var session = new SessionDriver();

        var asked = session.Send(new RideRequested(null, null) { RideType = RideType.Xl });
        var quoting = session.Send(new RideRequested("the space needle", null));

        Assert.Equal(Spoken.Line(Phrase.WhereTo), asked.Reply!.Speech.ToPlainText());
        Assert.Equal(0, asked.State.DestinationMisses);
        Assert.Equal(RideType.Xl, Assert.IsType<QuoteRide>(Assert.Single(quoting.Commands)).RideType);
    }

    [Fact]
    public async Task AnXlToThePlaceOnOffer_IsPricedAsAnXl_NotTheStandardOfferAgain()
    {
        var session = new SessionDriver();
        await session.SendAndRunAsync(new RideRequested("the space needle", null));

        var xl = await session.SendAndRunAsync(new RideRequested("the space needle", null) { RideType = RideType.Xl });

        Assert.StartsWith("An XL to the Space Needle", xl.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(RideType.Xl, xl.State.Quote?.RideType);
    }

    [Fact]
    public async Task ExpiredXlQuote_IsRepricedAsAnXl()
    {
        var session = new SessionDriver();
        await session.SendAndRunAsync(new RideRequested("the space needle", null) { RideType = RideType.Xl });
        session.Now += TimeSpan.FromMinutes(30);

        var requote = session.Send(new Yes());

        Assert.Equal(RideType.Xl, Assert.IsType<QuoteRide>(Assert.Single(requote.Commands)).RideType);
    }

    [Fact]
    public async Task PriceCheck_WithoutConsent_AsksConsentFirst_ThenQuotes_AndYesGoesToThePin()
    {
        // "How much is an XL to the Space Needle": the price needs the pickup, so consent comes first, as for a booking.
        var session = new SessionDriver(rider: Riders.LinkedWithoutConsent());

        var consent = await session.SendAndRunAsync(new RideRequested("the space needle", null) { RideType = RideType.Xl });
        session.Rider = Riders.FullyGranted();
        var offer = await session.ResumeConsentAndRunAsync(ConsentOutcome.Accepted);
        var yes = session.Send(new Yes());

        Assert.Equal(SessionStep.AwaitingConsent, consent.State.Step);
        Assert.NotNull(consent.Reply!.Connection);
        Assert.StartsWith("Thank you. An XL to the Space Needle", offer.Reply!.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.EndsWith("Do you want me to book it?", offer.Reply.Speech.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(SessionStep.AwaitingPin, yes.State.Step);
        Assert.IsType<PinConnectionRequest>(yes.Reply!.Connection);
        Assert.Empty(yes.Commands);
    }

    [Fact]
    public void Help_AtTheStart_MentionsTheNewSentences()
    {
        var help = new SessionDriver().Send(new Help()).Reply!.Speech.ToPlainText();

        Assert.Contains("how much a ride", help, StringComparison.Ordinal);
        Assert.Contains("where your ride is", help, StringComparison.Ordinal);
        Assert.Contains("cancel my ride", help, StringComparison.Ordinal);
    }
}
