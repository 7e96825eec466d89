using System.Text.Json.Nodes;
using RideHailer.DevHost.Publishing;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.DevHost.Publishing;

/// <summary>The <c>skill-package</c> verb: what it writes for a deployment, and what it refuses with a fix.</summary>
public sealed class SkillPackageCommandTests
{
    private static readonly string[] Subscriptions = ["SKILL_ENABLED", "SKILL_DISABLED", "SKILL_PERMISSION_ACCEPTED", "SKILL_PERMISSION_CHANGED", "SKILL_ACCOUNT_LINKED"];

    [Fact]
    public void Render_WritesAnAskCliProjectWithTheDeploymentsValuesInEveryLocale()
    {
        using var package = new RenderedSkillPackage();

        Assert.True(package.ExitCode == 0, package.Error);
        var manifest = Manifest(package);
        var endpoint = manifest["apis"]!["custom"]!["endpoint"]!;
        Assert.Equal(RenderedSkillPackage.Endpoint, (string?)endpoint["uri"]);
        Assert.Equal("Wildcard", (string?)endpoint["sslCertificateType"]);
        Assert.Equal(RenderedSkillPackage.Endpoint, (string?)manifest["events"]!["endpoint"]!["uri"]);
        Assert.Equal(Subscriptions, manifest["events"]!["subscriptions"]!.AsArray().Select(s => (string?)s!["eventName"]));
        foreach (var (locale, published) in manifest["publishingInformation"]!["locales"]!.AsObject())
        {
            Assert.Equal(RenderedSkillPackage.PrivacyPolicy, (string?)manifest["privacyAndCompliance"]!["locales"]![locale]!["privacyPolicyUrl"]);
            Assert.Equal(RenderedSkillPackage.TermsOfUse, (string?)manifest["privacyAndCompliance"]!["locales"]![locale]!["termsOfUseUrl"]);
            AssertIcon(package, (string?)published!["smallIconUri"], 108);
            AssertIcon(package, (string?)published["largeIconUri"], 512);
            Assert.True(File.Exists(package.PathOf($"skill-package/interactionModels/custom/{locale}.json")), locale);
        }

        Assert.Equal("./skill-package", (string?)JsonNode.Parse(File.ReadAllText(package.PathOf("ask-resources.json")))!["profiles"]!["default"]!["skillMetadata"]!["src"]);
        Assert.False(File.Exists(package.PathOf(SkillPackageRenderer.AccountLinkingFile)), "no account-linking inputs, no account-linking.json");
    }

    [Fact]
    public void Render_LeavesNoPlaceholderInAnyFile()
    {
        using var package = new RenderedSkillPackage();

        Assert.True(package.ExitCode == 0, package.Error);
        foreach (var file in package.Files().Where(file => file.EndsWith(".json", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(package.PathOf(file));
            Assert.DoesNotContain("example.com", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("REPLACE", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<your", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_KeepsTheEndpointExactlyAsGiven()
    {
        // Uri would lower-case the host and drop a trailing dot; Alexa is given what the developer typed.
        using var package = new RenderedSkillPackage(null, "--endpoint", "https://Func-RideHailer-T3st.azurewebsites.net/api/alexa?code=A%2Fb");

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.Equal("https://Func-RideHailer-T3st.azurewebsites.net/api/alexa?code=A%2Fb", (string?)Manifest(package)["apis"]!["custom"]!["endpoint"]!["uri"]);
    }

    [Fact]
    public void Render_OwnDomain_IsATrustedCertificate()
    {
        using var package = new RenderedSkillPackage(null, "--endpoint", "https://alexa.ride-hailer.test-publisher.net/api/alexa");

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.Equal("Trusted", (string?)Manifest(package)["apis"]!["custom"]!["endpoint"]!["sslCertificateType"]);
    }

    [Fact]
    public void Render_TestingInstructionsFile_ReplacesTheCheckedInOnes()
    {
        var instructions = Path.GetTempFileName();
        File.WriteAllText(instructions, "  Link with tester@ride-hailer.test-publisher.net, password in the notes.\n");
        try
        {
            using var package = new RenderedSkillPackage(null, "--testing-instructions", instructions);

            Assert.True(package.ExitCode == 0, package.Error);
            Assert.Equal("Link with tester@ride-hailer.test-publisher.net, password in the notes.",
                (string?)Manifest(package)["publishingInformation"]!["testingInstructions"]);
        }
        finally
        {
            File.Delete(instructions);
        }
    }

    [Fact]
    public void Render_AccountLinking_WritesTheAuthorizationCodeRequest()
    {
        using var package = new RenderedSkillPackage(
            null,
            "--account-linking-authorization-url", "https://login.test-publisher.net/oauth2/v2.0/authorize",
            "--account-linking-token-url", "https://login.test-publisher.net/oauth2/v2.0/token",
            "--account-linking-client-id", "4f1c0de0-client");

        Assert.True(package.ExitCode == 0, package.Error);
        var request = JsonNode.Parse(File.ReadAllText(package.PathOf(SkillPackageRenderer.AccountLinkingFile)))!["accountLinkingRequest"]!;
        Assert.Equal("AUTH_CODE", (string?)request["type"]);
        Assert.Equal("https://login.test-publisher.net/oauth2/v2.0/authorize", (string?)request["authorizationUrl"]);
        Assert.Equal("https://login.test-publisher.net/oauth2/v2.0/token", (string?)request["accessTokenUrl"]);
        Assert.Equal("4f1c0de0-client", (string?)request["clientId"]);
        Assert.Equal(["openid", "profile"], request["scopes"]!.AsArray().Select(scope => (string?)scope));
        Assert.False((bool)request["skipOnEnablement"]!);
        Assert.Null(request["clientSecret"]);
        Assert.Contains("ACCOUNT_LINKING_CLIENT_SECRET", package.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--endpoint", "http://func-x.azurewebsites.net/api/alexa", "is not https")]
    [InlineData("--endpoint", "https://<your-function-app>.azurewebsites.net/api/alexa", "placeholder")]
    [InlineData("--endpoint", "https://func-x.azurewebsites.net:8443/api/alexa", "port 443")]
    [InlineData("--endpoint", "https://localhost/api/alexa", "cannot reach it")]
    [InlineData("--privacy-policy", "https://example.com/REPLACE-WITH-YOUR-PRIVACY-POLICY", "placeholder")]
    [InlineData("--privacy-policy", "privacy.html", "not an absolute URL")]
    [InlineData("--terms-of-use", "http://ride-hailer.test-publisher.net/terms", "is not https")]
    public void Render_RefusesAUrlWithAFix(string option, string value, string reason)
    {
        using var package = new RenderedSkillPackage(null, option, value);

        Assert.Equal(1, package.ExitCode);
        Assert.Contains($"{option} '{value}'", package.Error, StringComparison.Ordinal);
        Assert.Contains(reason, package.Error, StringComparison.Ordinal);
        Assert.Contains("e.g. https://", package.Error, StringComparison.Ordinal);
        Assert.Empty(package.Files());
    }

    [Fact]
    public void Render_MissingRequiredValue_IsRefused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = SkillPackageCommand.Run(["--endpoint", RenderedSkillPackage.Endpoint, "--out", Path.GetTempPath()], RenderedSkillPackage.CheckedIn, _ => null, output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("--privacy-policy", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--terms-of-use", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartialAccountLinking_IsRefused()
    {
        using var package = new RenderedSkillPackage(null, "--account-linking-client-id", "abc");

        Assert.Equal(1, package.ExitCode);
        Assert.Contains("missing --account-linking-authorization-url, --account-linking-token-url", package.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TakesEveryLocaleTheManifestPublishes()
    {
        using var sources = new SourcesCopy();
        var manifest = sources.Manifest();
        manifest["manifest"]!["publishingInformation"]!["locales"]!["fr-CA"] = manifest["manifest"]!["publishingInformation"]!["locales"]!["en-US"]!.DeepClone();
        sources.Save(manifest);
        File.Copy(Path.Combine(sources.Root, "interactionModels/custom/en-US.json"), Path.Combine(sources.Root, "interactionModels/custom/fr-CA.json"));

        using var package = new RenderedSkillPackage(new SkillPackageSources(sources.Root));

        Assert.True(package.ExitCode == 0, package.Error);
        Assert.Equal(RenderedSkillPackage.PrivacyPolicy, (string?)Manifest(package)["privacyAndCompliance"]!["locales"]!["fr-CA"]!["privacyPolicyUrl"]);
        Assert.True(File.Exists(package.PathOf("skill-package/interactionModels/custom/fr-CA.json")));
    }

    [Fact]
    public void Render_PublishedLocaleWithoutAModel_IsRefused()
    {
        using var sources = new SourcesCopy();
        File.Delete(Path.Combine(sources.Root, "interactionModels/custom/de-DE.json"));

        using var package = new RenderedSkillPackage(new SkillPackageSources(sources.Root));

        Assert.Equal(1, package.ExitCode);
        Assert.Contains("interactionModels/custom/de-DE.json", package.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IconOfTheWrongSize_IsRefused()
    {
        using var sources = new SourcesCopy();
        File.Copy(Path.Combine(sources.Root, "assets/images/ride-hailer-108.png"), Path.Combine(sources.Root, "assets/images/ride-hailer-512.png"), overwrite: true);

        using var package = new RenderedSkillPackage(new SkillPackageSources(sources.Root));

        Assert.Equal(1, package.ExitCode);
        Assert.Contains("largeIconUri", package.Error, StringComparison.Ordinal);
        Assert.Contains("108x108 PNG; Amazon asks for 512x512", package.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildOutput_RendersThePackageShippedBesideTheAssembly()
    {
        var folder = Directory.CreateTempSubdirectory("ridehailer-built-package-").FullName;
        try
        {
            var (exitCode, output, error) = await DevHostCommand.RunAsync("Production", "", "skill-package",
                "--endpoint", RenderedSkillPackage.Endpoint, "--privacy-policy", RenderedSkillPackage.PrivacyPolicy,
                "--terms-of-use", RenderedSkillPackage.TermsOfUse, "--out", folder);

            Assert.True(exitCode == 0, $"exit code {exitCode}; stderr:{Environment.NewLine}{error}");
            Assert.Contains("ask deploy", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "skill-package", "assets", "images", "ride-hailer-512.png")));
            Assert.Equal(
                File.ReadAllText(SkillPackageFiles.FullPath(SkillPackageFiles.EnUsModelPath)),
                File.ReadAllText(Path.Combine(folder, "skill-package", "interactionModels", "custom", "en-US.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject Manifest(RenderedSkillPackage package) =>
        JsonNode.Parse(File.ReadAllText(package.PathOf("skill-package/skill.json")))!["manifest"]!.AsObject();

    private static void AssertIcon(RenderedSkillPackage package, string? uri, int size)
    {
        Assert.NotNull(uri);
        Assert.StartsWith("file://", uri, StringComparison.Ordinal);
        var png = File.ReadAllBytes(package.PathOf("skill-package/" + uri["file://".Length..]));
        Assert.Equal(new PngSize(size, size), PngSize.Of(png));
    }

    /// <summary>A writable copy of the checked-in package, to render variants of it.</summary>
    private sealed class SourcesCopy : IDisposable
    {
        public SourcesCopy()
        {
            Root = Directory.CreateTempSubdirectory("ridehailer-sources-").FullName;
            var from = RenderedSkillPackage.CheckedIn.Root;
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(Root, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to);
            }
        }

        public string Root { get; }

        public JsonNode Manifest() => JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "skill.json")))!;

        public void Save(JsonNode manifest) => File.WriteAllText(Path.Combine(Root, "skill.json"), manifest.ToJsonString());

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
