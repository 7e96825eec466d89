using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using RideHailer.Simulation;
using PinPolicy = RideHailer.Domain.Pin.PinPolicy;

namespace RideHailer.DevHost.Simulator;

/// <summary>The <c>chat</c> verb's flags, parsed with System.CommandLine (which also prints <c>--help</c> and errors).</summary>
internal static class ChatCommandLine
{
    private const string Description = "Talk to Ride Hailer as Alexa would: a conversation in the terminal against the dev host, or another endpoint. "
        + "Between utterances, do in the Alexa app what a rider does there, and the skill is sent its skill event: "
        + "/disable, /enable, /permissions name,mobile,location,address (or all, or none), /link; /help lists them.";

    /// <summary>
    /// The options the flags describe, or null when parsing ended the command (help shown, or an error reported);
    /// <paramref name="exitCode"/> is then the process's exit code.
    /// </summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> flags, TextWriter output, TextWriter error, out int exitCode, int helpWidth = HelpWidth.Piped)
    {
        var chat = new ChatFlags();
        SimulatorOptions? options = null;
        chat.Command.SetAction(result =>
        {
            options = chat.Read(result);
            return 0;
        });

        // Parsed as the host's verb, so help and errors show "… chat [options]" as it is typed.
        exitCode = HelpWidth.Apply(new RootCommand { chat.Command }, helpWidth).Parse([ChatCommand.Verb, .. flags])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return options;
    }

    /// <summary>The <c>chat</c> command with its options and no action: what the host's top-level help lists.</summary>
    public static Command Command() => new ChatFlags().Command;

    /// <summary>One set of the verb's options, the command that holds them, and how a parse of them reads as options.</summary>
    private sealed class ChatFlags
    {
        private readonly Option<string?> _consent = new("--consent") { Description = "How voice consent ends (asked in a terminal when left out, else accepted)." };
        private readonly Option<string?> _pin = new("--pin") { Description = "How PIN confirmation ends (asked in a terminal when left out, else achieved)." };
        private readonly Option<bool> _unlinked = new("--unlinked") { Description = "The rider has not linked a Ride Hailer account." };
        private readonly Option<bool> _noPerson = new("--no-person") { Description = "Alexa does not recognise the speaker (no context.System.person)." };
        private readonly Option<bool> _granted = new("--granted") { Description = "Name, mobile number, location and address were granted in the Alexa app." };
        private readonly Option<bool> _grantedEarlier = new("--granted-earlier") { Description = "Name, mobile number, location and address were granted by voice in an earlier session." };
        private readonly Option<bool> _personUnlinked = new("--person-unlinked") { Description = "The recognised speaker has not linked their own account (only user.accessToken)." };
        private readonly Option<bool> _noGeolocation = new("--no-geolocation") { Description = "A stationary device: the device address is the pickup." };
        private readonly Option<PinPolicy?> _pinPolicy = new("--pin-policy") { Description = "Booking:PinPolicy for the in-process skill: Mandatory or Optional." };
        private readonly Option<bool> _json = new("--json") { Description = "Print every request and response body." };
        private readonly Option<bool> _explain = new("--explain") { Description = "Say which intent and slots each utterance resolved to, or that it matched nothing." };
        private readonly Option<string?> _scenario = new("--scenario") { Description = "Run a scripted conversation and print its transcript." };

        private readonly Option<string> _locale = new("--locale")
        {
            Description = "The device's language: every request's locale, and the interaction model the rider's words are resolved with.",
            HelpName = "locale",
            DefaultValueFactory = _ => SimulatorOptions.DefaultLocale,
        };

        private readonly Option<string?> _endpoint = new("--endpoint")
        {
            Description = "Talk to the skill at this URL instead of starting it here (func start: http://localhost:7071/api/alexa). "
                + "The target must run in Development with Alexa:VerifySignatures=false and allow the Alexa APIs' URL in Alexa:AllowedApiEndpoints.",
            HelpName = "url",
        };

        private readonly Option<string?> _skillId = new("--skill-id")
        {
            Description = "With --endpoint: the skill id the requests carry (the target's Alexa:SkillId; default: this DevHost's).",
            HelpName = "id",
        };

        private readonly Option<int?> _apiPort = new("--api-port")
        {
            Description = "The loopback port of the simulated Alexa APIs (the requests' apiEndpoint, http://127.0.0.1:port); default: a free one.",
            HelpName = "port",
        };

        private readonly Option<int?> _timeout = new("--timeout")
        {
            Description = $"Seconds to wait for each of the skill's answers (default {SimulatorOptions.DefaultSkillTimeout.TotalSeconds:0}).",
            HelpName = "seconds",
        };

        public ChatFlags()
        {
            _consent.AcceptOnlyFromAmong([.. ConsentAnswers.ByFlag.Keys]);
            _pin.AcceptOnlyFromAmong([.. PinAnswers.ByFlag.Keys]);
            _scenario.AcceptOnlyFromAmong([.. Scenario.All.Select(s => s.Name)]);
            _locale.AcceptOnlyFromAmong([.. InteractionModel.Locales]);
            _endpoint.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<string?>() is { } url && !IsHttpUrl(url))
                {
                    result.AddError($"--endpoint '{url}' must be an absolute http or https URL, e.g. http://localhost:7071/api/alexa.");
                }
            });
            _apiPort.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is { } port && port is < 1 or > IPEndPoint.MaxPort)
                {
                    result.AddError($"--api-port must be between 1 and {IPEndPoint.MaxPort}.");
                }
            });
            _timeout.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int?>() is <= 0)
                {
                    result.AddError("--timeout must be a positive number of seconds.");
                }
            });

            Command = new Command(ChatCommand.Verb, Description)
            {
                _consent, _pin, _unlinked, _noPerson, _personUnlinked, _granted, _grantedEarlier, _noGeolocation, _pinPolicy, _json, _explain, _scenario,
                _endpoint, _skillId, _apiPort, _timeout, _locale,
            };
            Command.Validators.Add(OnlyWhereTheyApply);
        }

        public Command Command { get; }

        public SimulatorOptions Read(ParseResult result) => new()
        {
            Consent = result.GetValue(_consent) is { } c ? ConsentAnswers.ByFlag[c] : null,
            Pin = result.GetValue(_pin) is { } p ? PinAnswers.ByFlag[p] : null,
            Unlinked = result.GetValue(_unlinked),
            NoPerson = result.GetValue(_noPerson),
            Granted = result.GetValue(_granted),
            GrantedEarlier = result.GetValue(_grantedEarlier),
            PersonUnlinked = result.GetValue(_personUnlinked),
            NoGeolocation = result.GetValue(_noGeolocation),
            PinPolicy = result.GetValue(_pinPolicy),
            Json = result.GetValue(_json),
            Explain = result.GetValue(_explain),
            Scenario = result.GetValue(_scenario) is { } name ? Scenario.Find(name) : null,
            Endpoint = result.GetValue(_endpoint) is { } url ? new Uri(url) : null,
            SkillId = result.GetValue(_skillId),
            ApiPort = result.GetValue(_apiPort),
            SkillTimeout = result.GetValue(_timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Locale = result.GetValue(_locale) ?? SimulatorOptions.DefaultLocale,
        };

        /// <summary>
        /// --pin-policy configures the skill this process runs, which --endpoint does not start; --skill-id names the
        /// target's id, which the in-process skill takes from its own configuration.
        /// </summary>
        private void OnlyWhereTheyApply(CommandResult result)
        {
            var remote = result.GetResult(_endpoint) is not null;
            if (remote && result.GetResult(_pinPolicy) is not null)
            {
                result.AddError("--pin-policy sets the in-process skill's Booking:PinPolicy; with --endpoint, set Booking__PinPolicy on the target instead.");
            }

            if (!remote && result.GetResult(_skillId) is not null)
            {
                result.AddError("--skill-id goes with --endpoint; the in-process skill uses this DevHost's Alexa:SkillId.");
            }
        }

        private static bool IsHttpUrl(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
