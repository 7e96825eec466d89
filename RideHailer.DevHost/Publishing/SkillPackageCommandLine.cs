using System.CommandLine;
using System.CommandLine.Parsing;

namespace RideHailer.DevHost.Publishing;

/// <summary>
/// The <c>skill-package</c> verb's flags, parsed with System.CommandLine like <c>chat</c>'s: it prints <c>--help</c>,
/// and every value it refuses is reported with how to fix it.
/// </summary>
internal static class SkillPackageCommandLine
{
    /// <summary>Read from the environment, not a flag: a command line is visible to every user of the machine.</summary>
    public const string ClientSecretVariable = "ACCOUNT_LINKING_CLIENT_SECRET";

    private const string Description =
        "Render the skill package for a deployment: an ASK CLI project (ask-resources.json, skill-package/ with the manifest, "
        + "interaction models and icons, and account-linking.json when a provider is given) ready for 'ask deploy'.";

    /// <summary>The inputs the flags describe, or null when parsing ended the command (help shown, or errors reported).</summary>
    public static SkillPackageInputs? Parse(
        IReadOnlyList<string> flags, Func<string, string?> environment, TextWriter output, TextWriter error, out int exitCode, int helpWidth = HelpWidth.Piped)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var command = new SkillPackageFlags();
        SkillPackageInputs? inputs = null;
        command.Command.SetAction(result =>
        {
            inputs = command.Read(result, environment);
            return 0;
        });

        // Parsed as the host's verb, so help and errors show "… skill-package [options]" as it is typed.
        exitCode = HelpWidth.Apply(new RootCommand { command.Command }, helpWidth).Parse([SkillPackageCommand.Verb, .. flags])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return inputs;
    }

    /// <summary>The command with its options and no action: what the host's top-level help lists.</summary>
    public static Command Command() => new SkillPackageFlags().Command;

    private sealed class SkillPackageFlags
    {
        private const string EndpointExample = "https://func-ridehailer-abc123.azurewebsites.net/api/alexa";
        private const string PageExample = "https://ridehailer.contoso.com/privacy";

        private readonly Option<string> _endpoint = new("--endpoint")
        {
            Description = "The skill's HTTPS endpoint, written as given (azd: ALEXA_SKILL_ENDPOINT). A *.azurewebsites.net host gets "
                + "sslCertificateType Wildcard, any other Trusted.",
            HelpName = "https-url",
            Required = true,
        };

        private readonly Option<string> _privacyPolicy = new("--privacy-policy")
        {
            Description = "Your privacy policy's https URL, for every locale.",
            HelpName = "https-url",
            Required = true,
        };

        private readonly Option<string> _termsOfUse = new("--terms-of-use")
        {
            Description = "Your terms of use's https URL, for every locale.",
            HelpName = "https-url",
            Required = true,
        };

        private readonly Option<FileInfo?> _testingInstructions = new("--testing-instructions")
        {
            Description = $"A text file with the certification testers' instructions (at most {SkillPackageRenderer.MaxTestingInstructions} characters); "
                + "default: the checked-in ones.",
            HelpName = "file",
        };

        private readonly Option<string> _out = new("--out")
        {
            Description = "The folder to write the ASK CLI project to (created if missing; files of the same name are replaced).",
            HelpName = "dir",
            Required = true,
        };

        private readonly Option<string?> _authorizationUrl = new("--account-linking-authorization-url")
        {
            Description = "The OAuth provider's authorization endpoint (authorization_endpoint of its OpenID metadata).",
            HelpName = "https-url",
        };

        private readonly Option<string?> _tokenUrl = new("--account-linking-token-url")
        {
            Description = "The OAuth provider's token endpoint (token_endpoint of its OpenID metadata).",
            HelpName = "https-url",
        };

        private readonly Option<string?> _clientId = new("--account-linking-client-id")
        {
            Description = $"The client id registered for the skill at the provider. With the two URLs, writes account-linking.json; "
                + $"its client secret is read from {ClientSecretVariable}.",
            HelpName = "id",
        };

        public SkillPackageFlags()
        {
            _endpoint.Validators.Add(result => Report(result, PublishedUrlRules.CheckEndpoint(_endpoint.Name, result.GetValueOrDefault<string>(), EndpointExample)));
            _privacyPolicy.Validators.Add(result => Report(result, PublishedUrlRules.Check(_privacyPolicy.Name, result.GetValueOrDefault<string>(), PageExample)));
            _termsOfUse.Validators.Add(result => Report(result, PublishedUrlRules.Check(_termsOfUse.Name, result.GetValueOrDefault<string>(), "https://ridehailer.contoso.com/terms")));
            _authorizationUrl.Validators.Add(result => Report(result, PublishedUrlRules.Check(
                _authorizationUrl.Name, result.GetValueOrDefault<string?>() ?? "", "https://login.contoso.com/oauth2/v2.0/authorize")));
            _tokenUrl.Validators.Add(result => Report(result, PublishedUrlRules.Check(
                _tokenUrl.Name, result.GetValueOrDefault<string?>() ?? "", "https://login.contoso.com/oauth2/v2.0/token")));
            _testingInstructions.Validators.Add(result => Report(result, CheckInstructions(result.GetValueOrDefault<FileInfo?>())));

            Command = new Command(SkillPackageCommand.Verb, Description)
            {
                _endpoint, _privacyPolicy, _termsOfUse, _testingInstructions, _out, _authorizationUrl, _tokenUrl, _clientId,
            };
            Command.Validators.Add(AccountLinkingIsWhole);
        }

        public Command Command { get; }

        public SkillPackageInputs Read(ParseResult result, Func<string, string?> environment)
        {
            var instructions = result.GetValue(_testingInstructions) is { } file ? File.ReadAllText(file.FullName).Trim() : null;
            var linking = result.GetValue(_clientId) is { } clientId
                ? new AccountLinkingInputs(
                    new Uri(result.GetValue(_authorizationUrl)!),
                    new Uri(result.GetValue(_tokenUrl)!),
                    clientId,
                    environment(ClientSecretVariable) is { Length: > 0 } secret ? secret : null)
                : null;
            return new SkillPackageInputs(
                new Uri(result.GetValue(_endpoint)!),
                new Uri(result.GetValue(_privacyPolicy)!),
                new Uri(result.GetValue(_termsOfUse)!),
                instructions,
                linking,
                Path.GetFullPath(result.GetValue(_out)!));
        }

        private static void Report(OptionResult result, string? failure)
        {
            if (failure is not null)
            {
                result.AddError(failure);
            }
        }

        private static string? CheckInstructions(FileInfo? file)
        {
            if (file is null)
            {
                return null;
            }

            if (!file.Exists)
            {
                return $"--testing-instructions: no file at {file.FullName}. Write the testers' instructions in a text file and pass its path.";
            }

            var text = File.ReadAllText(file.FullName).Trim();
            if (text.Length == 0)
            {
                return $"--testing-instructions: {file.FullName} is empty. Say how to test the skill (account to link, what to say), or leave the flag out to keep the checked-in instructions.";
            }

            if (text.Length > SkillPackageRenderer.MaxTestingInstructions)
            {
                return $"--testing-instructions: {file.FullName} has {text.Length} characters; Amazon accepts at most {SkillPackageRenderer.MaxTestingInstructions}. Shorten it.";
            }

            return PublishedUrlRules.PlaceholderIn(text) is { } mark
                ? $"--testing-instructions: {file.FullName} still holds a placeholder ('{mark}'). Replace it with the real value."
                : null;
        }

        /// <summary>A linking request needs all three values; a partial one would be rejected by SMAPI after the package was uploaded.</summary>
        private void AccountLinkingIsWhole(CommandResult result)
        {
            Option[] linking = [_authorizationUrl, _tokenUrl, _clientId];
            var given = linking.Where(option => result.GetResult(option) is not null).ToList();
            if (given.Count is > 0 and < 3)
            {
                result.AddError(
                    $"Account linking needs {string.Join(", ", linking.Select(option => option.Name))} together; "
                    + $"missing {string.Join(", ", linking.Except(given).Select(option => option.Name))}. Pass all three (see docs/publishing.md), or none to render no account-linking.json.");
            }
        }
    }
}
