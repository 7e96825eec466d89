using RideHailer.DevHost.Simulator;
using RideHailer.Domain.Pin;
using RideHailer.Simulation;

namespace RideHailer.Tests.Simulator;

/// <summary>The chat verb's flags as a developer types them.</summary>
public sealed class ChatCommandLineTests
{
    [Fact]
    public void EveryFlag_SetsItsOption()
    {
        var options = Parse(
            "--consent", "redirect-to-app", "--pin", "not-setup", "--unlinked", "--no-person", "--granted",
            "--granted-earlier", "--person-unlinked", "--no-geolocation", "--pin-policy", "Optional", "--json", "--scenario", "consent-denied");

        Assert.NotNull(options);
        Assert.Equal(ConsentAnswer.RedirectToApp, options.Consent);
        Assert.Equal(PinAnswer.NotSetup, options.Pin);
        Assert.True(options.Unlinked && options.NoPerson && options.Granted && options.NoGeolocation && options.Json);
        Assert.True(options.GrantedEarlier && options.PersonUnlinked);
        Assert.Equal(PinPolicy.Optional, options.PinPolicy);
        Assert.Equal("consent-denied", options.Scenario?.Name);
    }

    [Fact]
    public void NoFlags_LeaveTheAnswersToThePromptOrTheDefaults()
    {
        var options = Parse();

        Assert.Equal(new SimulatorOptions(), options);
    }

    [Fact]
    public void EndpointFlags_SetTheTargetTheSkillIdThePortAndTheTimeout()
    {
        var options = Parse(
            "--endpoint", "http://localhost:7071/api/alexa", "--skill-id", "amzn1.ask.skill.target", "--api-port", "7072", "--timeout", "5");

        Assert.NotNull(options);
        Assert.Equal(new Uri("http://localhost:7071/api/alexa"), options.Endpoint);
        Assert.Equal("amzn1.ask.skill.target", options.SkillId);
        Assert.Equal(7072, options.ApiPort);
        Assert.Equal(TimeSpan.FromSeconds(5), options.SkillTimeout);
    }

    [Theory]
    [InlineData("--consent", "maybe")]
    [InlineData("--pin", "0000")]
    [InlineData("--pin-policy", "Sometimes")]
    [InlineData("--scenario", "nope")]
    [InlineData("--unknown")]
    [InlineData("--endpoint", "localhost:7071")]
    [InlineData("--endpoint", "ftp://localhost/api/alexa")]
    [InlineData("--api-port", "0")]
    [InlineData("--api-port", "70000")]
    [InlineData("--timeout", "0")]
    [InlineData("--endpoint", "http://localhost:7071/api/alexa", "--pin-policy", "Optional")]
    [InlineData("--skill-id", "amzn1.ask.skill.target")]
    public void BadFlag_EndsTheCommandWithAnError(params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var options = ChatCommandLine.Parse(flags, output, error, out var exitCode);

        Assert.Null(options);
        Assert.NotEqual(0, exitCode);
        Assert.NotEmpty(error.ToString());
    }

    [Fact]
    public void Help_ListsTheFlagsAndEndsTheCommand()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var options = ChatCommandLine.Parse(["--help"], output, error, out var exitCode);

        Assert.Null(options);
        Assert.Equal(0, exitCode);
        Assert.Contains("--consent", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--scenario", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("--endpoint <url>", output.ToString(), StringComparison.Ordinal);
        // The usage line is the command as typed: "<host> chat [options]".
        Assert.Matches(@"Usage:\s+\S+ chat \[options\]", output.ToString());
    }

    [Fact]
    public void ScenarioDefaults_FillOnlyWhatTheFlagsLeftOpen()
    {
        var options = Parse("--scenario", "consent-accepted", "--pin", "lockout")!.WithScenarioDefaults();

        Assert.Equal(ConsentAnswer.Accepted, options.Consent);
        Assert.Equal(PinAnswer.Lockout, options.Pin);
    }

    [Theory]
    [InlineData(new[] { "alexa::profile:given_name:read", "alexa::devices:all:geolocation:read", "alexa::profile:mobile_number:read" },
        "Do you give Ride Hailer permission to access your name, current location, and mobile number? You can say 'I approve' or 'no'.")]
    [InlineData(new[] { "alexa::profile:mobile_number:read" },
        "Do you give Ride Hailer permission to access your mobile number? You can say 'I approve' or 'no'.")]
    [InlineData(new[] { "alexa::profile:given_name:read", "alexa::devices:all:address:full:read" },
        "Do you give Ride Hailer permission to access your name and address? You can say 'I approve' or 'no'.")]
    public void ConsentQuestion_NamesExactlyTheRequestedData(string[] scopes, string question) =>
        Assert.Equal(question, ConsentQuestion.For("Ride Hailer", scopes));

    [Theory]
    [InlineData("""<speak>Ok, <alexa:name type="first" personId="amzn1.ask.person.x"/>.</speak>""", "Ok, Jane.")]
    [InlineData("Fish &amp; chips &apos;here&apos;", "Fish & chips 'here'")]
    [InlineData("Plain text.", "Plain text.")]
    public void HeardSpeech_DropsSsmlAndSaysTheSpeakersName(string speech, string heard) =>
        Assert.Equal(heard, HeardSpeech.From(speech, "Jane"));

    private static SimulatorOptions? Parse(params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var options = ChatCommandLine.Parse(flags, output, error, out var exitCode);
        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        return options;
    }
}
