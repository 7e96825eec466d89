using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Places;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Speaking;

/// <summary>Every shipped phrase table has words for every line and every message the Domain can say.</summary>
public sealed class PhraseTableTests
{
    private static readonly Place Needle = Quotes.SpaceNeedlePlace;

    /// <summary>One instance of every message type, with typical arguments; a new message type must be added here.</summary>
    internal static readonly Message[] EveryMessage =
    [
        new Line(Phrase.WhereTo),
        new UnknownPlace("the moon"),
        new UnknownPlace(null),
        new AskConsent([RiderScope.GivenName, RiderScope.Geolocation, RiderScope.MobileNumber]),
        new HelpConsent([RiderScope.Address]),
        new StillNoAccess([RiderScope.FullName]),
        new Offer(Needle, PickupSource.Geolocation, new Money(15m, "USD"), 10),
        new HelpQuote(Needle, new Money(12.5m, "USD")),
        new BookIt(Needle),
        new NoRide(Needle),
        new NoRide(null),
        new ActiveRide(Needle, 4),
        new AnotherRide(Needle),
        new HelpSecondRide(Needle),
        new Greeting("amzn1.ask.person.jane", null),
        new Greeting(null, "Jane"),
        new Greeting(null, null),
        new Booked(8),
        new AlreadyBooked(Needle, 8),
        new Offer(Needle, PickupSource.DeviceAddress, new Money(22m, "USD"), 6) { RideType = RideType.Xl },
        new DriverOnTheWay("Sam", 4, "a silver Toyota Prius", "BXK 4821"),
        new DriverArriving("Sam"),
        new OnYourWay(Needle),
        new ConfirmCancel(Needle, "Sam", new Money(5m, "USD")),
        new ConfirmCancel(Needle, "Sam", null),
        new CancelDone(Needle, new Money(5.5m, "USD")),
        new CancelDone(Needle, null),
        new ChoosePlace([FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett]),
        new ChoosePlace([FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett, FoundPlaces.BroadStreetTacoma]),
        new WhichPlace([FoundPlaces.BroadStreetSeattle, FoundPlaces.BroadStreetEverett]),
        new DestinationHelp(Examples("Seattle")),
        new DestinationHelp(Examples("Berlin")),
        new DestinationHelp(null),
        new DestinationGivenUp(DestinationMiss.NotFound, Examples("London")),
        new DestinationGivenUp(DestinationMiss.NotUnderstood, Examples("Sydney")),
        new DestinationGivenUp(DestinationMiss.NoPlace, Examples("Mumbai")),
        new DestinationGivenUp(DestinationMiss.NotFound, null),
        new DestinationGivenUp(DestinationMiss.NotUnderstood, null),
        new DestinationGivenUp(DestinationMiss.NoPlace, null),
    ];

    /// <summary>The places help names in <paramref name="city"/>.</summary>
    internal static PlaceExamples Examples(string city) => PlaceCatalog.Markets.Single(market => market.City == city).Examples;

    public static TheoryData<string> ShippedLocales()
    {
        using var host = SkillServices.Build();
        return [.. host.Services.GetRequiredService<PhraseBook>().Locales];
    }

    [Theory]
    [MemberData(nameof(ShippedLocales))]
    public void EveryPhrase_HasWords(string locale)
    {
        var table = Table(locale);

        Assert.All(Enum.GetValues<Phrase>(), phrase => Assert.False(string.IsNullOrWhiteSpace(table.Say(phrase)), $"{locale}: {phrase}"));
    }

    [Theory]
    [MemberData(nameof(ShippedLocales))]
    public void EveryMessageType_HasWords(string locale)
    {
        var table = Table(locale);
        var types = typeof(Message).Assembly.GetTypes().Where(type => type.IsSubclassOf(typeof(Message)) && !type.IsAbstract).ToList();

        Assert.All(types, type => Assert.Contains(EveryMessage, message => message.GetType() == type));
        Assert.All(EveryMessage, message => Assert.NotEmpty(table.Say(message)));
        Assert.All(Enum.GetValues<Phrase>(), phrase => Assert.NotEmpty(table.Say(new Line(phrase))));
    }

    [Theory]
    [MemberData(nameof(ShippedLocales))]
    public void TheBookedCard_HasATitleAndALinePerFact(string locale)
    {
        var card = Table(locale).BookedCard(RideBookedCard.Of(Quotes.EarlierRide(SessionDriver.Noon)));

        Assert.False(string.IsNullOrWhiteSpace(card.Title));
        Assert.Equal(5, card.Content.Split('\n').Length);
    }

    [Fact]
    public void TheSkill_SpeaksEveryEnglishMarketplaceAndGerman()
    {
        // The theories above run over these: every table the skill registers has words for every line and message.
        using var host = SkillServices.Build();

        Assert.Equal(["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"], host.Services.GetRequiredService<PhraseBook>().Locales.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALocaleNoTableSpeaks_IsAnsweredInAmericanEnglish()
    {
        using var host = SkillServices.Build();
        var book = host.Services.GetRequiredService<PhraseBook>();

        Assert.Same(book.For("en-US"), book.For("xx-XX"));
        Assert.Same(book.For("en-US"), book.For(null));
    }

    /// <summary>A table the skill registers, and nothing a test adds.</summary>
    private static PhraseTable Table(string locale)
    {
        using var host = SkillServices.Build();
        return host.Services.GetRequiredService<PhraseBook>().For(locale);
    }
}
