using System.Text.Json.Nodes;
using RideHailer.Domain;
using RideHailer.Domain.Pin;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.SkillPackage;

/// <summary>skill.json against the code: the permissions the conversation asks for, the PIN policy, the endpoint.</summary>
public sealed class SkillManifestTests
{
    private const string AuthenticatePrefix = "alexa::authenticate:2:";

    private static readonly JsonObject Manifest = SkillPackageFiles.Manifest();

    [Fact]
    public void ManifestVersion_Is1()
    {
        Assert.Equal("1.0", (string?)Manifest["manifestVersion"]);
    }

    [Fact]
    public void Permissions_AreExactlyTheConsentScopesPlusPersonIdAndPinConfirmation()
    {
        // Certification rejects permissions a skill does not use, so the set is exact, not a superset.
        var settings = ConversationSettings.Default;
        string[] expected =
        [
            PermissionScopes.Of(settings.NameScope),
            PermissionScopes.Of(settings.MobileNumberScope),
            PermissionScopes.Of(settings.GeolocationScope),
            PermissionScopes.Of(settings.AddressScope),
            "alexa::person_id:read",
            Authenticate(new BookingOptions().PinPolicy),
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Permissions().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Permissions_IncludeEveryScopeTheDomainAsksFor()
    {
        // Scopes are read at run time only if the manifest declared them; a scope missing here makes consent fail.
        string[] asked = [PermissionScopes.GivenName, PermissionScopes.MobileNumber, PermissionScopes.Geolocation, PermissionScopes.FullAddress];

        Assert.Empty(asked.Except(Permissions(), StringComparer.Ordinal));
    }

    [Fact]
    public void PinConfirmation_IsDeclaredOnceWithThePolicyTheAppDefaultsTo()
    {
        // The console setting and Booking:PinPolicy must agree; see docs/skill-package.md to switch both to Optional.
        var declared = Assert.Single(Permissions(), permission => permission.StartsWith(AuthenticatePrefix, StringComparison.Ordinal));

        Assert.True(Enum.TryParse<PinPolicy>(declared[AuthenticatePrefix.Length..], ignoreCase: true, out var policy),
            $"'{declared}' is neither {AuthenticatePrefix}mandatory nor {AuthenticatePrefix}optional.");
        Assert.Equal(new BookingOptions().PinPolicy, policy);
    }

    [Fact]
    public void Endpoint_IsTheFunctionAppsAlexaRouteOverHttpsWithAWildcardCertificate()
    {
        var endpoint = Manifest["apis"]!["custom"]!["endpoint"]!;
        var uri = (string)endpoint["uri"]!;

        Assert.StartsWith("https://", uri, StringComparison.Ordinal);
        Assert.EndsWith("/api/alexa", uri, StringComparison.Ordinal);
        Assert.Equal("Wildcard", (string?)endpoint["sslCertificateType"]);
    }

    [Fact]
    public void EnUsPublishingInformation_NamesTheSkillAndItsExamplesUseTheInvocationName()
    {
        var locale = Manifest["publishingInformation"]!["locales"]!["en-US"]!;
        var invocationName = (string)SkillPackageFiles.LanguageModel("en-US")["invocationName"]!;
        var examples = locale["examplePhrases"]!.AsArray().Select(phrase => (string)phrase!).ToList();

        Assert.Equal("Ride Hailer", (string?)locale["name"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)locale["summary"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)locale["description"]));
        Assert.Contains("Alexa, open Ride Hailer", examples);
        Assert.Contains("Alexa, ask Ride Hailer for a ride to the Space Needle", examples);
        Assert.All(examples, phrase => Assert.Contains(invocationName, phrase, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void EveryPublishedLocale_HasAnInteractionModelAndPrivacyLinks()
    {
        var locales = Manifest["publishingInformation"]!["locales"]!.AsObject().Select(locale => locale.Key).ToList();

        Assert.NotEmpty(locales);
        Assert.All(locales, locale =>
        {
            Assert.True(File.Exists(SkillPackageFiles.FullPath(SkillPackageFiles.ModelPath(locale))), $"no interaction model for {locale}");
            var privacy = Manifest["privacyAndCompliance"]!["locales"]![locale]!;
            Assert.StartsWith("https://", (string?)privacy["privacyPolicyUrl"], StringComparison.Ordinal);
            Assert.StartsWith("https://", (string?)privacy["termsOfUseUrl"], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void PrivacyAndCompliance_DeclaresPersonalInformation()
    {
        Assert.True((bool?)Manifest["privacyAndCompliance"]!["usesPersonalInfo"]);
    }

    private static string Authenticate(PinPolicy policy) => AuthenticatePrefix + policy switch
    {
        PinPolicy.Mandatory => "mandatory",
        PinPolicy.Optional => "optional",
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, null),
    };

    private static List<string> Permissions() =>
        [.. Manifest["permissions"]!.AsArray().Select(permission => (string)permission!["name"]!)];
}
