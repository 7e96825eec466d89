using System.Text.Json.Nodes;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.SkillPackage;
using static RideHailer.Tests.Support.SkillPackage.AmazonTypeCheck;

namespace RideHailer.Tests.SkillPackage;

/// <summary>
/// The package and the responses against definitions we did not write: Amazon's TypeScript models of the Skill
/// Management API (what <c>ask deploy</c> uploads) and of the response envelope, under <c>tsc --strict</c>.
/// </summary>
public sealed class AmazonModelTypeCheckTests
{
    [Fact]
    public async Task TypeCheck_CatchesAnExcessPropertyAndAWrongEnumValue()
    {
        // The check must be able to fail: a certificate type SMAPI does not accept, and a member it does not know.
        var wrongEnum = SkillPackageFiles.Load(SkillPackageFiles.ManifestPath);
        wrongEnum["manifest"]!["apis"]!["custom"]!["endpoint"]!["sslCertificateType"] = "Wild";
        var excess = SkillPackageFiles.Load(SkillPackageFiles.ManifestPath);
        excess["manifest"]!["apis"]!["custom"]!["endpointUrl"] = "https://x";

        var diagnostics = await CheckAsync(
        [
            new Literal("wrong-enum.json", ManifestType, wrongEnum.ToJsonString()),
            new Literal("excess.json", ManifestType, excess.ToJsonString()),
        ]);

        var said = string.Join(Environment.NewLine, diagnostics);
        Assert.True(diagnostics.Any(line => line.StartsWith("wrong-enum.json", StringComparison.Ordinal) && line.Contains("\"Wild\"", StringComparison.Ordinal)), said);
        Assert.True(diagnostics.Any(line => line.StartsWith("excess.json", StringComparison.Ordinal) && line.Contains("endpointUrl", StringComparison.Ordinal) && line.Contains("does not exist", StringComparison.Ordinal)), said);
    }

    [Fact]
    public async Task CheckedInPackage_IsWhatAskSmapiModelDescribes()
    {
        var literals = new List<Literal> { FileLiteral(SkillPackageFiles.FullPath(SkillPackageFiles.ManifestPath), ManifestType) };
        literals.AddRange(Directory.GetFiles(SkillPackageFiles.FullPath("skill-package/interactionModels/custom"), "*.json")
            .Select(path => FileLiteral(path, InteractionModelType)));

        Assert.Empty(await CheckAsync(literals));
    }

    [Fact]
    public async Task RenderedPackage_IsWhatAskSmapiModelDescribes()
    {
        using var package = new RenderedSkillPackage(
            null,
            "--account-linking-authorization-url", "https://login.test-publisher.net/oauth2/v2.0/authorize",
            "--account-linking-token-url", "https://login.test-publisher.net/oauth2/v2.0/token",
            "--account-linking-client-id", "client-1");
        Assert.True(package.ExitCode == 0, package.Error);

        var literals = package.Files().Where(file => file.EndsWith(".json", StringComparison.Ordinal) && file != "ask-resources.json")
            .Select(file => FileLiteral(
                package.PathOf(file),
                file == "skill-package/skill.json" ? ManifestType : file.StartsWith("skill-package/interactionModels/", StringComparison.Ordinal) ? InteractionModelType : AccountLinkingType))
            .ToList();

        // skill.json, account-linking.json and one interaction model per published locale.
        Assert.Equal(2 + SkillPackageFiles.Manifest()["publishingInformation"]!["locales"]!.AsObject().Count, literals.Count);
        Assert.Empty(await CheckAsync(literals));
    }

    [Fact]
    public async Task ResponsesOfWholeSessions_AreAskSdkModelResponseEnvelopes()
    {
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory);
        var responses = new List<(string Step, JsonNode Response)>();

        // Launch-first, consent by voice, quote, PIN, booked: every connection and card shape of the happy path.
        var booked = skill.NewSession();
        responses.Add(("launch", await booked.LaunchAsync()));
        responses.Add(("help", await booked.IntentAsync("AMAZON.HelpIntent")));
        responses.Add(("fallback", await booked.IntentAsync("AMAZON.FallbackIntent")));
        responses.Add(("order", await booked.OrderAsync("the Space Needle")));
        responses.Add(("consent accepted", await booked.ConsentResultAsync("200", "ACCEPTED")));
        responses.Add(("yes", await booked.YesAsync()));
        responses.Add(("pin achieved", await booked.PinResultAsync("200", "ACHIEVED", level: 400)));

        // Denied consent (permissions card), an unlinked rider (LinkAccount card), Stop, and the end of a session.
        var denied = skill.NewSession(RiderSetup.Default with { UserId = "amzn1.ask.account.denied", PersonId = "amzn1.ask.person.denied" });
        responses.Add(("order, denied", await denied.OrderAsync("the Space Needle")));
        responses.Add(("consent denied", await denied.ConsentResultAsync("200", "DENIED")));
        var unlinked = skill.NewSession(RiderSetup.Default with { UserId = "amzn1.ask.account.unlinked", Linked = false, PersonLinked = false });
        responses.Add(("order, unlinked", await unlinked.OrderAsync("the Space Needle")));
        var stopped = skill.NewSession(RiderSetup.Default with { UserId = "amzn1.ask.account.stopped", PersonId = "amzn1.ask.person.stopped" });
        responses.Add(("launch, stopped", await stopped.LaunchAsync()));
        responses.Add(("stop", await stopped.IntentAsync("AMAZON.StopIntent")));
        responses.Add(("session ended", await stopped.SessionEndedAsync()));

        var diagnostics = await CheckAsync(responses.Select(r => new Literal($"response to '{r.Step}'", ResponseType, r.Response.ToJsonString())));

        Assert.True(diagnostics.Count == 0, string.Join(Environment.NewLine, diagnostics));
    }

    /// <summary>
    /// The kit's skill events as <c>ask-sdk-model</c>'s <c>RequestEnvelope</c> (<c>events.skillevents.*</c>), for a rider
    /// with a recognised speaker and without. The one difference tsc finds is Amazon's own: its docs and the events it
    /// sends give SkillDisabled a <c>body.userInformationPersistenceStatus</c>, which <c>SkillDisabledRequest</c> lacks.
    /// </summary>
    [Fact]
    public async Task KitSkillEvents_AreAskSdkModelRequestEnvelopes()
    {
        var literals = new List<Literal>();
        foreach (var rider in new[] { RiderSetup.Default, RiderSetup.Default with { PersonId = null, Linked = false, ReportsPermissions = false } })
        {
            var alexa = new RideHailer.Simulation.SimulatedSession(rider, AlexaRequests.SkillId, new Uri("https://api.amazonalexa.com"), new RideHailer.Simulation.PermissionLedger());
            var events = new (string Name, JsonNode Envelope)[]
            {
                ("SkillEnabled", alexa.SkillEnabled()),
                ("SkillPermissionAccepted", alexa.SkillPermissionAccepted(RideHailer.Simulation.SimulatedRider.AllDataScopes)),
                ("SkillPermissionChanged", alexa.SkillPermissionChanged(["alexa::profile:given_name:read"])),
                ("SkillAccountLinked", alexa.SkillAccountLinked()),
                ("SkillDisabled", alexa.SkillDisabled()),
            };
            literals.AddRange(events.Select(e => new Literal($"{e.Name} ({(rider.PersonId is null ? "no speaker" : "speaker")})", RequestType, e.Envelope.ToJsonString())));
        }

        // Without that body, SkillDisabled is what ask-sdk-model describes too.
        var withoutBody = (JsonObject)JsonNode.Parse(literals.First(l => l.Name.StartsWith("SkillDisabled", StringComparison.Ordinal)).Json)!;
        withoutBody["request"]!.AsObject().Remove("body");
        literals.Add(new Literal("SkillDisabled without its body", RequestType, withoutBody.ToJsonString()));

        var diagnostics = await CheckAsync(literals);

        var said = string.Join(Environment.NewLine, diagnostics);
        Assert.True(diagnostics.Count == 2, said);
        Assert.All(diagnostics, line =>
        {
            Assert.StartsWith("SkillDisabled (", line, StringComparison.Ordinal);
            Assert.Contains("'\"body\"' does not exist in type 'SkillDisabledRequest'", line, StringComparison.Ordinal);
        });
    }

    private static Literal FileLiteral(string path, string type) => new(Path.GetFileName(path), type, File.ReadAllText(path));
}
