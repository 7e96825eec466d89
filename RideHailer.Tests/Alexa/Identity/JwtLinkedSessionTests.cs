using RideHailer.Skill.Alexa.Enrich.Identity;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Identity;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Alexa.Identity;

/// <summary>Whole sessions through the endpoint with <c>RiderIdentity:Authority</c> set: the rider is the JWT's subject.</summary>
public sealed class JwtLinkedSessionTests : IAsyncLifetime
{
    private LocalIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await LocalIssuer.StartAsync();

    public async Task DisposeAsync() => await _issuer.DisposeAsync();

    [Fact]
    public async Task ValidJwt_IsTheRiderTheRideIsBookedFor()
    {
        await using var skill = await StartSkillAsync();
        var token = _issuer.Token("rider-42");
        var alexa = skill.NewSession(RiderSetup.Default with { AccountToken = token, PersonToken = token, GrantedEarlier = RiderSetup.AllScopes() });

        var quote = await alexa.OrderAsync("the Space Needle");
        Assert.EndsWith("Do you want me to book it?", Speech(quote), StringComparison.Ordinal);
        AssertStartConnection(await alexa.YesAsync(), "connection://AMAZON.VerifyPerson/2");
        var booked = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.StartsWith("Great.", Speech(booked), StringComparison.Ordinal);
        var booking = Assert.Single(await skill.BookingsAsync());
        Assert.Equal(OpenIdConnectRiderIdentity.RiderIdFor(_issuer.Issuer, "rider-42"), booking.Passenger.RiderId);
        AssertNeverRecorded(skill, token);
    }

    [Fact]
    public async Task ValidJwt_WithoutConsentYet_IsAskedForConsent()
    {
        await using var skill = await StartSkillAsync();
        var token = _issuer.Token();
        var alexa = skill.NewSession(RiderSetup.Default with { AccountToken = token, PersonToken = token });

        var response = await alexa.OrderAsync("the Space Needle");

        AssertStartConnection(response, "connection://AMAZON.AskForPermissionsConsent/2");
    }

    [Fact]
    public async Task ExpiredJwt_GetsTheLinkAccountCard()
    {
        await using var skill = await StartSkillAsync();
        var token = _issuer.Token(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));
        var alexa = skill.NewSession(RiderSetup.Default with { AccountToken = token, PersonToken = token, GrantedEarlier = RiderSetup.AllScopes() });

        var response = await alexa.OrderAsync("the Space Needle");

        AssertLinkAccountCard(response);
        Assert.Contains(skill.Recorded.Logs, line => line.Contains("Linked-account token rejected (SecurityTokenExpiredException", StringComparison.Ordinal));
        Assert.Empty(await skill.BookingsAsync());
        AssertNeverRecorded(skill, token);
    }

    [Fact]
    public async Task OpaqueToken_GetsTheLinkAccountCard()
    {
        await using var skill = await StartSkillAsync();
        var alexa = skill.NewSession(RiderSetup.Default with { GrantedEarlier = RiderSetup.AllScopes() });

        AssertLinkAccountCard(await alexa.OrderAsync("the Space Needle"));
    }

    private Task<SkillHarness> StartSkillAsync() => SkillHarness.StartAsync(BackendUnderTest.InMemory, settings: new()
    {
        ["RiderIdentity:Authority"] = _issuer.Issuer,
        ["RiderIdentity:Audience"] = LocalIssuer.Audience,
    });

    private static void AssertNeverRecorded(SkillHarness skill, string token)
    {
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(skill.Recorded.Logs, line => line.Contains(signature, StringComparison.Ordinal));
        Assert.DoesNotContain(skill.Recorded.Payloads, payload => payload.Contains(signature, StringComparison.Ordinal));
    }
}
