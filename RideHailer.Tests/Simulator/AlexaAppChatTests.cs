using RideHailer.DevHost.Simulator;
using RideHailer.Simulation;
using RideHailer.Tests.Support.Simulator;

namespace RideHailer.Tests.Simulator;

/// <summary>
/// The chat's slash commands: what the rider does in the Alexa app between utterances, sent to the skill as its
/// <c>AlexaSkillEvent.*</c> through the real endpoint and verifier, and what the next session hears afterwards.
/// (The same piped through the built DevHost's process: <c>ChatProcessTests</c>.)
/// </summary>
public sealed class AlexaAppChatTests
{
    private const string NoRide = "Alexa: You don't have a ride booked right now.";

    private static readonly SimulatorOptions Accepting = new() { Consent = ConsentAnswer.Accepted, Pin = PinAnswer.Achieved };

    [Fact]
    public async Task Disable_ThenEnableAndLinkAgain_TheNextSessionIsNotToldOfTheEarlierRide()
    {
        await using var simulator = await SimulatorHarness.StartAsync(Accepting);

        var (transcript, outcome) = await simulator.ChatAsync(
            Accepting, "open ride hailer", "the space needle", "yes", "where is my ride", "/disable", "/enable", "/link", "where is my ride");

        AssertInOrder(
            transcript,
            "[card] Your ride is booked",
            "You: where is my ride",
            // Before: the ride on its way.
            " minutes away in a ",
            "(Alexa app: skill disabled; Alexa unlinked the account and revoked its permissions)",
            "[simulator] Alexa sent AlexaSkillEvent.SkillDisabled; the skill answered HTTP 200, no speech",
            "(Alexa app: skill enabled)",
            "(Alexa app: account linked)",
            "[simulator] Alexa sent AlexaSkillEvent.SkillAccountLinked; the skill answered HTTP 200, no speech",
            "You: where is my ride",
            NoRide);
        Assert.DoesNotContain("You: /", transcript, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(simulator.Bookings);
    }

    [Fact]
    public async Task Permissions_GrantedInTheApp_AreNotAskedForInTheNextSession()
    {
        await using var simulator = await SimulatorHarness.StartAsync(Accepting);

        var (transcript, outcome) = await simulator.ChatAsync(Accepting, "/permissions name,mobile,location", "open ride hailer", "the space needle");

        AssertInOrder(
            transcript,
            "(Alexa app: permissions set to first name, mobile number, location)",
            "[simulator] Alexa sent AlexaSkillEvent.SkillPermissionAccepted; the skill answered HTTP 200, no speech",
            "You: the space needle",
            "Alexa: A ride to the Space Needle from your current location will cost ");
        Assert.DoesNotContain("Do you give Ride Hailer permission", transcript, StringComparison.Ordinal);
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task PermissionsRevokedInTheApp_AreAskedForAgain()
    {
        var options = Accepting with { Granted = true };
        await using var simulator = await SimulatorHarness.StartAsync(options);

        var (transcript, _) = await simulator.ChatAsync(options, "/permissions name,location", "open ride hailer", "the space needle");

        AssertInOrder(
            transcript,
            "[simulator] Alexa sent AlexaSkillEvent.SkillPermissionChanged; the skill answered HTTP 200, no speech",
            "You: the space needle",
            "Alexa: Do you give Ride Hailer permission to access your mobile number?");
    }

    [Fact]
    public async Task Disable_WhileASessionIsOpen_EndsItFirst_AndInvokingTheSkillByVoiceEnablesIt()
    {
        await using var simulator = await SimulatorHarness.StartAsync(Accepting);

        var (transcript, outcome) = await simulator.ChatAsync(Accepting, "open ride hailer", "/disable", "open ride hailer", "the space needle");

        AssertInOrder(
            transcript,
            "Alexa: Welcome to Ride Hailer. Where would you like to go?",
            "[simulator] the rider leaves the device for the Alexa app: the open session ends",
            "[session ended]",
            "(Alexa app: skill disabled;",
            "You: open ride hailer",
            "(Alexa enables Ride Hailer by voice)",
            "[simulator] Alexa sent AlexaSkillEvent.SkillEnabled; the skill answered HTTP 200, no speech",
            "Alexa: Welcome to Ride Hailer.",
            // Disabling unlinked the account: the skill asks for the link again.
            "You: the space needle",
            "[card] LinkAccount");
        Assert.Equal(0, outcome.ExitCode);
    }

    [Fact]
    public async Task UnknownCommand_IsANoteAndAFailure_AndHelpListsTheCommands()
    {
        await using var simulator = await SimulatorHarness.StartAsync(Accepting);

        var (transcript, outcome) = await simulator.ChatAsync(Accepting, "/help", "/uninstall", "/permissions email");

        foreach (var (command, _) in AlexaAppAction.Commands)
        {
            Assert.Contains($"[simulator] {command}: ", transcript, StringComparison.Ordinal);
        }

        Assert.Contains("[simulator] '/uninstall' is not something the rider can do in the Alexa app", transcript, StringComparison.Ordinal);
        Assert.Contains("[simulator] 'email' is not a scope Ride Hailer asks for", transcript, StringComparison.Ordinal);
        Assert.DoesNotContain("Alexa sent", transcript, StringComparison.Ordinal);
        Assert.Equal(1, outcome.ExitCode);
    }

    private static void AssertInOrder(string transcript, params string[] fragments)
    {
        var position = 0;
        foreach (var fragment in fragments)
        {
            var found = transcript.IndexOf(fragment, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Expected \"{fragment}\" after position {position} in:{Environment.NewLine}{transcript}");
            position = found + fragment.Length;
        }
    }
}
