using System.Globalization;
using Microsoft.Extensions.Logging.Testing;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support.Domain;

namespace RideHailer.Tests.Speaking;

/// <summary>Each locale's table: money as words of the rider's language in the quote's currency, units, spelling, German.</summary>
public sealed class LocalePhrasesTests
{
    public static TheoryData<string> SixLocales { get; } = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE"];

    [Fact]
    public void TheShippedTables_SpeakTheSixLocalesEachOnce()
    {
        var locales = PhraseBook.Shipped.SelectMany(table => table.Locales).ToList();

        Assert.Equal(["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"], locales.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("en-GB", "11", "GBP", "eleven pounds")]
    [InlineData("en-GB", "8.50", "GBP", "eight pounds and fifty pence")]
    [InlineData("en-GB", "0.01", "GBP", "one penny")]
    [InlineData("en-IN", "200", "INR", "two hundred rupees")]
    [InlineData("en-IN", "250", "INR", "two hundred and fifty rupees")]
    [InlineData("en-IN", "1", "INR", "one rupee")]
    [InlineData("en-CA", "15", "CAD", "fifteen Canadian dollars")]
    [InlineData("en-AU", "21.05", "AUD", "twenty-one Australian dollars and five cents")]
    [InlineData("en-US", "250", "USD", "two hundred fifty dollars")]
    [InlineData("en-GB", "15", "EUR", "fifteen euros")]
    [InlineData("de-DE", "15", "EUR", "fünfzehn Euro")]
    [InlineData("de-DE", "1", "EUR", "ein Euro")]
    [InlineData("de-DE", "12.50", "EUR", "zwölf Euro und fünfzig Cent")]
    [InlineData("de-DE", "0.50", "EUR", "fünfzig Cent")]
    [InlineData("de-DE", "11", "GBP", "elf Pfund")]
    [InlineData("de-DE", "200", "INR", "zweihundert Rupien")]
    [InlineData("de-DE", "1", "INR", "eine Rupie")]
    [InlineData("de-DE", "21", "USD", "einundzwanzig Dollar")]
    [InlineData("de-DE", "15", "CAD", "fünfzehn kanadische Dollar")]
    [InlineData("de-DE", "1", "AUD", "ein australischer Dollar")]
    [InlineData("de-DE", "101", "EUR", "einhundertein Euro")]
    public void TheOffer_SpeaksThePriceInWordsOfTheRidersLanguageInTheQuotesCurrency(string locale, string amount, string currency, string words)
    {
        var price = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        var offer = Text(Table(locale).Say(new Offer(Quotes.SpaceNeedlePlace, PickupSource.Geolocation, price, 10)));

        Assert.Contains($" {words}, ", offer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "105.50", "GBP", "a cancellation fee of one hundred and five pounds and fifty pence")]
    [InlineData("en-GB", "105", "GBP", "a one hundred and five pound cancellation fee")]
    [InlineData("en-IN", "250", "INR", "a two hundred and fifty rupee cancellation fee")]
    [InlineData("en-US", "105.50", "USD", "a cancellation fee of one hundred five dollars and fifty cents")]
    [InlineData("en-US", "8", "USD", "an eight dollar cancellation fee")]
    [InlineData("en-US", "1", "USD", "a one dollar cancellation fee")]
    public void TheCancellationFee_IsSaidInTheVariantsNumbers(string locale, string amount, string currency, string words)
    {
        var fee = new Money(decimal.Parse(amount, CultureInfo.InvariantCulture), currency);

        var question = Text(Table(locale).Say(new ConfirmCancel(Quotes.SpaceNeedlePlace, "Sam", fee)));

        Assert.Contains(words, question, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SixLocales))]
    public void NoSpokenPrice_HoldsACurrencySymbolOrDigit(string locale)
    {
        foreach (var currency in new[] { "USD", "GBP", "CAD", "AUD", "INR", "EUR" })
        {
            var price = new Money(12.5m, currency);
            var spoken = Text(Table(locale).Say(new Offer(Quotes.SpaceNeedlePlace, PickupSource.Geolocation, price, 3)))
                + Text(Table(locale).Say(new HelpQuote(Quotes.SpaceNeedlePlace, price)));

            Assert.DoesNotContain(spoken, c => c is '$' or '£' or '€' or '₹' || char.IsDigit(c));
        }
    }

    [Theory]
    [InlineData("en-US", "$12.50")]
    [InlineData("en-GB", "$12.50")]
    [InlineData("de-DE", "12,50 $")]
    public void TheCard_MayWriteTheSymbol(string locale, string written)
    {
        var ride = Quotes.EarlierRide(SessionDriver.Noon);
        var card = Table(locale).BookedCard(RideBookedCard.Of(ride with { Quote = ride.Quote with { Price = new Money(12.5m, "USD") } }));

        Assert.Contains(written, card.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void German_GreetsAsAGermanSpeakerExpects()
    {
        var german = Table("de-DE");

        Assert.Equal("Willkommen bei Ride Hailer. Wohin möchtest du fahren?", $"{german.Say(Phrase.Welcome)} {german.Say(Phrase.WhereTo)}");
    }

    [Fact]
    public void German_LeadsIntoConsentAndThePinInGerman()
    {
        var german = Table("de-DE");

        Assert.Equal(
            "Gern. Ich brauche Zugriff auf deinen Namen, deinen aktuellen Standort und deine Handynummer, damit ich eine Fahrt für dich finden kann.",
            Text(german.Say(new AskConsent([RiderScope.GivenName, RiderScope.Geolocation, RiderScope.MobileNumber]))));
        Assert.Equal("Okay, Jana.", Text(german.Say(new Greeting(null, "Jana"))));
        Assert.Equal([new SpokenText("Okay, "), new PersonFirstName("amzn1.ask.person.jana"), new SpokenText(".")], german.Say(new Greeting("amzn1.ask.person.jana", null)));
        Assert.Equal("Bevor ich deine Fahrt buche, muss Alexa deine Profil-PIN bestätigen.", german.Say(Phrase.HelpPin));
    }

    [Fact]
    public void German_SpeaksInTheDuForm()
    {
        // The polite "Sie" form is never used: no "Sie", "Ihr", "Ihnen" as words of a sentence.
        var sentences = Enum.GetValues<Phrase>().Select(Table("de-DE").Say)
            .Concat(PhraseTableTests.EveryMessage.Select(message => Text(Table("de-DE").Say(message))));

        Assert.All(sentences, sentence => Assert.DoesNotMatch(@"\b(Sie|Ihr|Ihre|Ihren|Ihnen|Ihrem|Ihrer)\b", sentence));
    }

    [Theory]
    [InlineData(1, "eins")]
    [InlineData(21, "einundzwanzig")]
    [InlineData(99, "neunundneunzig")]
    [InlineData(1250, "eintausendzweihundertfünfzig")]
    public void GermanNumbers_AreGermanUnderInvariantGlobalization(long value, string words)
    {
        // Globalization is invariant in this repository: the German culture cannot be created by name ...
        Assert.Throws<CultureNotFoundException>(() => CultureInfo.GetCultureInfo("de-DE"));
        // ... and Humanizer still says the numbers in German, on a culture that only names the language.
        Assert.Equal(words, GermanWords.Number(value));
    }

    [Theory]
    [InlineData("en-US", 1, "one minute", "ten minutes")]
    [InlineData("en-GB", 1, "one minute", "ten minutes")]
    [InlineData("de-DE", 1, "in einer Minute", "in zehn Minuten")]
    public void Minutes_AreSpokenAsTheLocaleSpeaksThem(string locale, int one, string oneWords, string tenWords)
    {
        var table = Table(locale);

        Assert.Contains(oneWords, Text(table.Say(new Booked(one))), StringComparison.Ordinal);
        Assert.Contains(tenWords, Text(table.Say(new Booked(10))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", 8.0, "five miles")]
    [InlineData("en-GB", 8.0, "five miles")]
    [InlineData("en-CA", 8.0, "eight kilometres")]
    [InlineData("en-AU", 1.2, "one kilometre")]
    [InlineData("en-IN", 0.2, "one kilometre")]
    public void Distances_AreInMilesInTheUsAndBritainAndKilometresElsewhere(string locale, double kilometres, string words)
    {
        Assert.Equal(words, EnglishVariant.All.Single(variant => variant.Locale == locale).Distance(kilometres));
    }

    [Fact]
    public void GermanDistances_AreInKilometres()
    {
        Assert.Equal("drei Kilometer", GermanWords.Distance(3.2));
        Assert.Equal("ein Kilometer", GermanWords.Distance(0.4));
    }

    [Theory]
    [InlineData("en-US", "Your ride is canceled.")]
    [InlineData("en-GB", "Your ride is cancelled.")]
    [InlineData("en-CA", "Your ride is cancelled.")]
    [InlineData("en-AU", "Your ride is cancelled.")]
    [InlineData("en-IN", "Your ride is cancelled.")]
    public void CommonwealthVariants_SpellAsTheyWrite(string locale, string spelled)
    {
        Assert.Equal(spelled, EnglishVariant.All.Single(variant => variant.Locale == locale).Spell("Your ride is canceled."));
    }

    [Fact]
    public void Respelling_LeavesOtherWordsAndPlaceNamesAlone()
    {
        var british = EnglishVariant.UnitedKingdom;

        Assert.Equal("Cancelling? Lincoln Center, five kilometres.", british.Spell("Canceling? Lincoln Center, five kilometers."));
    }

    [Theory]
    [MemberData(nameof(SixLocales))]
    public void EveryEnglishTable_SaysMobileNumber(string locale)
    {
        var asked = Text(Table(locale).Say(new AskConsent([RiderScope.MobileNumber])));

        Assert.Contains(locale.StartsWith("de", StringComparison.Ordinal) ? "Handynummer" : "mobile number", asked, StringComparison.Ordinal);
    }

    [Fact]
    public void ALocaleNoTableSpeaks_IsAnsweredInAmericanEnglishAndLoggedOnce()
    {
        var logger = new FakeLogger<PhraseBook>();
        var book = new PhraseBook([], logger);

        Assert.Equal(["en-US"], book.For("fr-FR").Locales);
        Assert.Equal(["en-US"], book.For("fr-FR").Locales);
        Assert.Equal(["en-GB"], book.For("en-GB").Locales);

        var logged = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Contains("fr-FR", logged.Message, StringComparison.Ordinal);
    }

    private static PhraseTable Table(string locale) => PhraseBook.Shipped.Single(table => table.Locales.Contains(locale));

    private static string Text(IReadOnlyList<SpeechPart> parts) =>
        string.Concat(parts.Select(part => part is SpokenText text ? text.Text : string.Empty));
}
