using RideHailer.Domain.Replies;
using RideHailer.Simulation;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

/// <summary>DESIGN.md's consent table, row by row, through the endpoint and the orchestration.</summary>
public abstract class ConsentResultTests(BackendUnderTest backend)
{
    private static readonly string[] AskedScopes = [PermissionScopes.GivenName, PermissionScopes.Geolocation, PermissionScopes.MobileNumber];

    [Theory]
    [InlineData("200", "DENIED", Phrase.ConsentDenied)]
    [InlineData("200", "NOT_ANSWERED", Phrase.ConsentNotAnswered)]
    [InlineData("204", null, Phrase.ConsentNotAnswered)]
    [InlineData("200", "REDIRECT_TO_APP", Phrase.ConsentRedirected)]
    [InlineData("400", null, Phrase.ConsentFailed)]
    [InlineData("403", null, Phrase.ConsentFailed)]
    [InlineData("404", null, Phrase.ConsentFailed)]
    [InlineData("500", null, Phrase.ConsentFailed)]
    [InlineData("503", null, Phrase.ConsentFailed)]
    [InlineData("200", "SOMETHING_NEW", Phrase.ConsentFailed)]
    public async Task ConsentNotGiven_EndsWithThePermissionsCardAndBooksNothing(string code, string? status, Phrase speech)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");
        var readsBefore = skill.Api.Requests.Count;

        var response = await alexa.ConsentResultAsync(code, status);

        Assert.Equal(Spoken.Line(speech), Speech(response));
        AssertPermissionsCard(response, AskedScopes);
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
        Assert.Equal(readsBefore, skill.Api.Requests.Count);
    }

    [Fact]
    public async Task Accepted_ReadsThePersonsProfileWithTheRequestsToken()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");

        await alexa.ConsentResultAsync("200", "ACCEPTED");

        Assert.Contains($"GET {LocalAlexaApi.PersonGivenNamePath}", skill.Api.Requests);
        Assert.Contains($"GET {LocalAlexaApi.PersonMobileNumberPath}", skill.Api.Requests);
    }

    [Fact]
    public async Task Accepted_WithoutARecognisedSpeaker_ReadsTheAccountProfileAndAsksAtAccountLevel()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { PersonId = null });

        var consent = await alexa.OrderAsync("the Space Needle");
        var levels = consent["response"]!["directives"]![0]!["input"]!["permissionScopes"]!.AsArray()
            .Select(scope => (string)scope!["consentLevel"]!);
        var quote = await alexa.ConsentResultAsync("200", "ACCEPTED");

        Assert.All(levels, level => Assert.Equal("ACCOUNT", level));
        Assert.Contains($"GET {LocalAlexaApi.GivenNamePath}", skill.Api.Requests);
        Assert.StartsWith("Thank you. A ride to the Space Needle", Speech(quote), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_WithARecognisedSpeaker_AsksNameAndMobileAtPersonLevelAndLocationAtAccountLevel()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();

        var consent = await alexa.OrderAsync("the Space Needle");

        var levels = consent["response"]!["directives"]![0]!["input"]!["permissionScopes"]!.AsArray()
            .ToDictionary(scope => (string)scope!["permissionScope"]!, scope => (string)scope!["consentLevel"]!);
        Assert.Equal("PERSON", levels[PermissionScopes.GivenName]);
        Assert.Equal("PERSON", levels[PermissionScopes.MobileNumber]);
        Assert.Equal("ACCOUNT", levels[PermissionScopes.Geolocation]);
    }

    [Fact]
    public async Task Consent_OnlyAsksForWhatIsNotGrantedYet()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = [PermissionScopes.GivenName, PermissionScopes.Geolocation] });

        var consent = await alexa.OrderAsync("the Space Needle");

        Assert.Equal("Sure. I need access to your mobile number so that I can find a ride for you.", Speech(consent));
        var scope = Assert.Single(consent["response"]!["directives"]![0]!["input"]!["permissionScopes"]!.AsArray())!;
        Assert.Equal(PermissionScopes.MobileNumber, (string?)scope["permissionScope"]);
    }

    [Fact]
    public async Task DeviceWithoutGeolocation_AsksForTheAddressAndPicksUpThere()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession(RiderSetup.Default with { Geolocation = false });

        var consent = await alexa.OrderAsync("the Space Needle");
        Assert.Equal("Sure. I need access to your name, address, and mobile number so that I can find a ride for you.", Speech(consent));
        var quote = await alexa.ConsentResultAsync("200", "ACCEPTED");

        Assert.Contains(skill.Api.Requests, request => request.EndsWith(LocalAlexaApi.AddressPathSuffix, StringComparison.Ordinal));
        Assert.Contains("from your address", Speech(quote), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LocalAlexaApi.PersonMobileNumberPath, PermissionScopes.MobileNumber)]
    [InlineData(LocalAlexaApi.PersonGivenNamePath, PermissionScopes.GivenName)]
    public async Task AcceptedButTheProfileApiRefusesAScope_TreatsItAsNotGranted(string path, string refusedScope)
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        skill.Api.Answer(path, 403);
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");

        var response = await alexa.ConsentResultAsync("200", "ACCEPTED");

        AssertPermissionsCard(response, refusedScope);
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task AcceptedButTheProfileApiFails_RetriesOnceThenApologisesAndKeepsTheSessionAtConsent()
    {
        await using var skill = await SkillHarness.StartAsync(backend);
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");
        skill.Api.Answer(LocalAlexaApi.PersonMobileNumberPath, 503);

        var response = await alexa.ConsentResultAsync("200", "ACCEPTED");

        // Once for the ride request (403: not granted yet), twice after the consent (503, retried once).
        Assert.Equal(3, skill.Api.Requests.Count(request => request == $"GET {LocalAlexaApi.PersonMobileNumberPath}"));
        Assert.Equal(Spoken.Line(Phrase.ProfileUnreachable) + " " + Spoken.Line(Phrase.Continue), Speech(response));
        Assert.Null(response["response"]!["card"]);
        Assert.False((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }

    [Fact]
    public async Task ApiEndpointNotAllowed_IsNeverCalledWithTheToken()
    {
        await using var skill = await SkillHarness.StartAsync(backend, new() { ["Alexa:AllowedApiEndpoints:0"] = "https://api.amazonalexa.com" });
        var alexa = skill.NewSession();
        await alexa.OrderAsync("the Space Needle");

        var response = await alexa.ConsentResultAsync("200", "ACCEPTED");

        Assert.Empty(skill.Api.Requests);
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Empty(await skill.BookingsAsync());
    }
}
