using System.CommandLine;
using RideHailer.DevHost.Publishing;
using RideHailer.DevHost.Simulator;

namespace RideHailer.DevHost;

/// <summary>
/// The DevHost's top-level <c>--help</c>: what it does without a verb, the <c>chat</c> and <c>skill-package</c> verbs, and the
/// host's own options. Only the help is System.CommandLine's: without a verb the arguments are the web host's
/// (<c>--urls</c>, <c>--environment</c>, any configuration key), which it reads itself.
/// </summary>
internal static class HostCommandLine
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "/h"];

    /// <summary>A help flag anywhere before a verb; after a verb it is that verb's own help.</summary>
    public static bool AsksForHelp(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is not [ChatCommand.Verb or SkillPackageCommand.Verb or InteractionModelsCommand.Verb, ..] && args.Any(arg => HelpTokens.Contains(arg, StringComparer.Ordinal));
    }

    /// <summary>
    /// Prints the host's help once: its options and the verbs, each in a line (<c>chat --help</c> prints chat's own),
    /// wrapped to <paramref name="width"/> columns; the exit code (0).
    /// </summary>
    public static int PrintHelp(TextWriter output, int width = HelpWidth.Piped)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = new RootCommand(
            "Ride Hailer dev host. Without a command: serves the Alexa endpoint (POST /api/alexa, http://localhost:7071 "
            + "with 'dotnet run') and prints its configuration. Any configuration key is an option too, e.g. "
            + "--Durable:Backend AzureStorage, --Alexa:SkillId amzn1.ask.skill.…, --Booking:PinPolicy Optional "
            + "(or an environment variable: Durable__Backend=AzureStorage).")
        {
            new Option<string>("--urls") { Description = "Where to listen, e.g. http://localhost:5000 (default: the launch profile's http://localhost:7071).", HelpName = "urls" },
            new Option<string>("--environment") { Description = "The hosting environment, e.g. Development (what 'dotnet run' sets) or Production.", HelpName = "name" },
            ChatCommandLine.Command(),
            SkillPackageCommandLine.Command(),
            InteractionModelsCommand.Command(),
        };

        // No --version here: the host would not read it, and would start instead.
        foreach (var version in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(version);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = output };
        return HelpWidth.Apply(root, width).Parse(["--help"]).Invoke(configuration);
    }
}
