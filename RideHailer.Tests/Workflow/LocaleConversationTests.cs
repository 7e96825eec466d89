using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Domain.Replies;
using RideHailer.Domain.Rides;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Speech;
using RideHailer.Tests.Support;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>
/// The booking and its denials in each of the six locales, through the endpoint and the real orchestration: every
/// sentence is the locale's table's, the price is in its words, and the skill reads the rider's profile from the
/// regional Alexa API the request names.
/// </summary>
public sealed class LocaleConversationTests
{
    public static TheoryData<string> SixLocales { get; } = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN", "de-DE"];

    private static readonly RiderScope[] AskedScopes = [RiderScope.GivenName, RiderScope.Geolocation, RiderScope.MobileNumber];

    [Theory]
    [MemberData(nameof(SixLocales))]
    public async Task ABooking_IsSpokenInTheRidersLocaleFromWelcomeToTheCard(string locale)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var table = TableOf(skill, locale);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale });

        Assert.Equal($"{table.Say(Phrase.Welcome)} {table.Say(Phrase.WhereTo)}", Speech(await alexa.LaunchAsync()));

        var consent = await alexa.OrderAsync("the Space Needle");
        Assert.Equal(Words(table, new AskConsent(AskedScopes)), Speech(consent));
        AssertStartConnection(consent, "connection://AMAZON.AskForPermissionsConsent/2");

        var quote = Speech(await alexa.ConsentResultAsync("200", "ACCEPTED"));
        Assert.StartsWith(table.Say(Phrase.ThanksForConsent) + " ", quote, StringComparison.Ordinal);

        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        var booking = Assert.Single(await skill.BookingsAsync());
        var card = RideBookedCard.Of(booking);
        Assert.Equal(
            $"{table.Say(Phrase.ThanksForConsent)} {Words(table, new Offer(booking.Quote.Destination, PickupSource.Geolocation, booking.Quote.Price, WholeMinutes.Of(booking.Quote.PickupEta)))}",
            quote);
        Assert.Equal(Words(table, new Booked(card.DriverMinutes)), Speech(booked));
        Assert.Equal(table.BookedCard(card).Title, (string?)booked["response"]!["card"]!["title"]);
        Assert.Equal(table.BookedCard(card).Content, (string?)booked["response"]!["card"]!["content"]);
    }

    [Theory]
    [InlineData("bring mich zum Flughafen Heathrow", 51.5074, -0.1278, "heathrow-airport", "Flughafen Heathrow", "Pfund")]
    [InlineData("ich möchte zum Tower von London", 51.5074, -0.1278, "tower-of-london", "Tower von London", "Pfund")]
    [InlineData("ein Taxi zum Opernhaus Sydney", -33.8688, 151.2093, "sydney-opera-house", "Opernhaus Sydney", "australische Dollar")]
    [InlineData("fahr mich zum Berliner Dom", 52.5200, 13.4050, "berlin-cathedral", "Berliner Dom", "Euro")]
    public async Task AGermanRider_AsksForAPlaceByItsGermanName_AndIsQuotedAndBookedToIt(
        string said, double latitude, double longitude, string placeId, string germanName, string currency)
    {
        // A German speaker away from Berlin says the place as German says it; the de-DE model resolves it to the
        // catalog's id, and the quote and the card name it in German, priced in the currency of the city's market.
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession(RiderSetup.Default with
        {
            Locale = "de-DE",
            GrantedEarlier = RiderSetup.AllScopes(),
            Coordinate = $$"""{"latitudeInDegrees":{{latitude}},"longitudeInDegrees":{{longitude}},"accuracyInMeters":20}""",
        });

        var quote = Speech(await alexa.SayAsync(said));
        await alexa.YesAsync();
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Contains($"mit dem Ziel {germanName} kostet ", quote, StringComparison.Ordinal);
        Assert.Contains($" {currency}", quote, StringComparison.Ordinal);
        Assert.Equal(placeId, Assert.Single(await skill.BookingsAsync()).Quote.Destination.Id);
        Assert.Contains($"Ziel: {germanName}", (string?)booked["response"]!["card"]!["content"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "like the Space Needle or the airport")]
    [InlineData("en-GB", "like the Tower of London or Heathrow")]
    [InlineData("en-CA", "like the CN Tower or Pearson airport")]
    [InlineData("en-AU", "like the Sydney Opera House or Sydney Airport")]
    [InlineData("en-IN", "like the Gateway of India or Mumbai airport")]
    [InlineData("de-DE", "zum Beispiel Brandenburger Tor oder Flughafen BER")]
    public async Task Help_NamesPlacesOfTheLocalesMainCity(string locale, string examples)
    {
        // The markets reach the orchestration where it is registered (its input leaves them out); help reads no profile,
        // so the locale picks the city.
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale });
        await alexa.LaunchAsync();

        var help = Speech(await alexa.IntentAsync("AMAZON.HelpIntent"));

        Assert.Contains(examples, help, StringComparison.Ordinal);
        Assert.EndsWith(TableOf(skill, locale).Say(Phrase.WhereTo), help, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SixLocales))]
    public async Task DeniedConsent_EndsWithTheLocalesWordsAndThePermissionsCard(string locale)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale });
        await alexa.OrderAsync("the Space Needle");

        var denied = await alexa.ConsentResultAsync("200", "DENIED");

        Assert.Equal(TableOf(skill, locale).Say(Phrase.ConsentDenied), Speech(denied));
        AssertPermissionsCard(denied, PermissionScopes.GivenName, PermissionScopes.Geolocation, PermissionScopes.MobileNumber);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Theory]
    [MemberData(nameof(SixLocales))]
    public async Task APinThatDoesNotMatchTwice_EndsInTheLocalesWordsWithoutABooking(string locale)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var table = TableOf(skill, locale);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale, GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");
        await alexa.YesAsync();

        Assert.Equal(table.Say(Phrase.PinNoMatch), Speech(await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300)));
        await alexa.YesAsync();
        var ended = await alexa.PinResultAsync("200", "NOT_ACHIEVED", "NOT_MATCH", 300);

        Assert.Equal(table.Say(Phrase.PinNoMatchAgain), Speech(ended));
        Assert.Empty(await skill.BookingsAsync());
    }

    [Theory]
    [MemberData(nameof(SixLocales))]
    public async Task NoToTheQuote_AndAnUnlinkedRider_AreAnsweredInTheLocalesWords(string locale)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var table = TableOf(skill, locale);
        var declining = skill.NewSession(RiderSetup.Default with { Locale = locale, GrantedEarlier = RiderSetup.AllScopes() });
        await declining.OrderAsync("the Space Needle");
        var unlinked = skill.NewSession(RiderSetup.Default with
        {
            Locale = locale,
            UserId = "amzn1.ask.account.unlinked",
            PersonId = "amzn1.ask.person.unlinked",
            Linked = false,
            PersonLinked = false,
        });

        Assert.Equal(table.Say(Phrase.Declined), Speech(await declining.NoAsync()));
        var link = await unlinked.OrderAsync("the Space Needle");
        Assert.Equal(table.Say(Phrase.LinkAccount), Speech(link));
        AssertLinkAccountCard(link);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Theory]
    [InlineData("en-GB", "200", "REDIRECT_TO_APP", Phrase.ConsentRedirected)]
    [InlineData("en-CA", "404", null, Phrase.ConsentFailed)]
    [InlineData("en-AU", "200", "REDIRECT_TO_APP", Phrase.ConsentRedirected)]
    [InlineData("en-IN", "403", null, Phrase.ConsentFailed)]
    [InlineData("de-DE", "200", "REDIRECT_TO_APP", Phrase.ConsentRedirected)]
    [InlineData("de-DE", "404", null, Phrase.ConsentFailed)]
    public async Task VoiceConsentNotOffered_FallsBackToThePermissionsCard(string locale, string code, string? status, Phrase speech)
    {
        // Where Alexa cannot ask by voice (the scope or locale has no voice consent, no provider), the rider is sent
        // to the Alexa app with the permissions card, as the seeds say.
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale });
        await alexa.OrderAsync("the Space Needle");

        var fallback = await alexa.ConsentResultAsync(code, status);

        Assert.Equal(TableOf(skill, locale).Say(speech), Speech(fallback));
        AssertPermissionsCard(fallback, PermissionScopes.GivenName, PermissionScopes.Geolocation, PermissionScopes.MobileNumber);
    }

    [Theory]
    [InlineData("en-GB", "Optional", true)]
    [InlineData("de-DE", "Optional", true)]
    [InlineData("en-IN", "Mandatory", false)]
    [InlineData("de-DE", "Mandatory", false)]
    public async Task PinConfirmationNotOffered_ThePinPolicyDecides(string locale, string policy, bool books)
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, new() { ["Booking:PinPolicy"] = policy });
        var table = TableOf(skill, locale);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale, GrantedEarlier = RiderSetup.AllScopes() });
        await alexa.OrderAsync("the Space Needle");
        await alexa.YesAsync();

        var answer = Speech(await alexa.PinResultAsync("200", "NOT_ENABLED", level: 300));

        var bookings = await skill.BookingsAsync();
        Assert.Equal(books ? 1 : 0, bookings.Count);
        Assert.Equal(books ? Words(table, new Booked(RideBookedCard.Of(bookings[0]).DriverMinutes)) : table.Say(Phrase.PinNotEnabled), answer);
    }

    [Theory]
    [InlineData("https://api.eu.amazonalexa.com", "en-GB")]
    [InlineData("https://api.eu.amazonalexa.com", "de-DE")]
    [InlineData("https://api.eu.amazonalexa.com", "en-IN")]
    [InlineData("https://api.fe.amazonalexa.com", "en-AU")]
    public async Task TheProfile_IsReadFromTheRegionalEndpointTheRequestNames(string apiEndpoint, string locale)
    {
        var api = await LocalAlexaApi.StartAsync();
        var hosts = new ConcurrentQueue<string>();
        await using var skill = await SkillHarness.StartAsync(
            BackendUnderTest.InMemory,
            new() { ["Alexa:AllowedApiEndpoints:0"] = apiEndpoint },
            services => services.AddHttpClient<CustomerProfileClient>().ConfigurePrimaryHttpMessageHandler(() => new RegionalAlexaApi(api.Endpoint, hosts)),
            api: api);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = locale }, new Uri(apiEndpoint));
        await alexa.OrderAsync("the Space Needle");

        var quote = await alexa.ConsentResultAsync("200", "ACCEPTED");
        await alexa.YesAsync();
        await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith(TableOf(skill, locale).Say(Phrase.ThanksForConsent), Speech(quote), StringComparison.Ordinal);
        Assert.NotEmpty(hosts);
        Assert.All(hosts, host => Assert.Equal(apiEndpoint, host));
        var booking = Assert.Single(await skill.BookingsAsync());
        Assert.Equal("Jane", booking.Passenger.GivenName);
        Assert.Equal("+1 2065550142", booking.Passenger.MobileNumber);
    }

    [Fact]
    public async Task ALocaleWithoutATable_IsAnsweredInAmericanEnglish()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var alexa = skill.NewSession(RiderSetup.Default with { Locale = "fr-FR" });

        Assert.Equal("Welcome to Ride Hailer. Where would you like to go?", Speech(await alexa.LaunchAsync()));
    }

    /// <summary>The table the skill registered for <paramref name="locale"/>, and not the en-US fallback.</summary>
    private static PhraseTable TableOf(SkillHarness skill, string locale)
    {
        var table = skill.Services.GetRequiredService<PhraseBook>().For(locale);
        Assert.Equal([locale], table.Locales);
        return table;
    }

    private static string Words(PhraseTable table, Message message) =>
        string.Concat(table.Say(message).Select(part => part is SpokenText text ? text.Text : string.Empty));

}
