using System.CommandLine;
using RideHailer.Domain;
using RideHailer.Simulation;

namespace RideHailer.DevHost.Simulator;

/// <summary>The <c>chat</c> verb's flags, parsed with System.CommandLine (which also prints <c>--help</c> and errors).</summary>
internal static class ChatCommandLine
{
    /// <summary>
    /// The options the flags describe, or null when parsing ended the command (help shown, or an error reported);
    /// <paramref name="exitCode"/> is then the process's exit code.
    /// </summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> flags, TextWriter output, TextWriter error, out int exitCode)
    {
        var consent = new Option<string?>("--consent") { Description = "How voice consent ends (asked in a terminal when left out, else accepted)." };
        consent.AcceptOnlyFromAmong([.. ConsentAnswers.ByFlag.Keys]);
        var pin = new Option<string?>("--pin") { Description = "How PIN confirmation ends (asked in a terminal when left out, else achieved)." };
        pin.AcceptOnlyFromAmong([.. PinAnswers.ByFlag.Keys]);
        var unlinked = new Option<bool>("--unlinked") { Description = "The rider has not linked a Ride Hailer account." };
        var noPerson = new Option<bool>("--no-person") { Description = "Alexa does not recognise the speaker (no context.System.person)." };
        var granted = new Option<bool>("--granted") { Description = "Name, mobile number, location and address were granted in the Alexa app." };
        var grantedEarlier = new Option<bool>("--granted-earlier") { Description = "Name, mobile number, location and address were granted by voice in an earlier session." };
        var personUnlinked = new Option<bool>("--person-unlinked") { Description = "The recognised speaker has not linked their own account (only user.accessToken)." };
        var noGeolocation = new Option<bool>("--no-geolocation") { Description = "A stationary device: the device address is the pickup." };
        var pinPolicy = new Option<PinPolicy?>("--pin-policy") { Description = "Booking:PinPolicy for the skill: Mandatory or Optional." };
        var json = new Option<bool>("--json") { Description = "Print every request and response body." };
        var scenario = new Option<string?>("--scenario") { Description = "Run a scripted conversation and print its transcript." };
        scenario.AcceptOnlyFromAmong([.. Scenario.All.Select(s => s.Name)]);

        var command = new RootCommand("Talk to Ride Hailer as Alexa would: a conversation in the terminal against the dev host.")
        {
            consent, pin, unlinked, noPerson, personUnlinked, granted, grantedEarlier, noGeolocation, pinPolicy, json, scenario,
        };
        SimulatorOptions? options = null;
        command.SetAction(result =>
        {
            options = new SimulatorOptions
            {
                Consent = result.GetValue(consent) is { } c ? ConsentAnswers.ByFlag[c] : null,
                Pin = result.GetValue(pin) is { } p ? PinAnswers.ByFlag[p] : null,
                Unlinked = result.GetValue(unlinked),
                NoPerson = result.GetValue(noPerson),
                Granted = result.GetValue(granted),
                GrantedEarlier = result.GetValue(grantedEarlier),
                PersonUnlinked = result.GetValue(personUnlinked),
                NoGeolocation = result.GetValue(noGeolocation),
                PinPolicy = result.GetValue(pinPolicy),
                Json = result.GetValue(json),
                Scenario = result.GetValue(scenario) is { } name ? Scenario.Find(name) : null,
            };
            return 0;
        });

        exitCode = command.Parse(flags).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return options;
    }
}
