using System.CommandLine;
using System.CommandLine.Help;

namespace RideHailer.DevHost;

/// <summary>
/// Help wraps to the terminal's width, and to 80 columns when it is piped or redirected (no width to read), so
/// `--help | less` and a narrow terminal both read without lines running off.
/// </summary>
internal static class HelpWidth
{
    public const int Piped = 80;

    public static int OfTheConsole()
    {
        if (Console.IsOutputRedirected)
        {
            return Piped;
        }

        try
        {
            return Console.WindowWidth is > 20 and var width ? width : Piped;
        }
        catch (IOException)
        {
            return Piped;
        }
    }

    /// <summary>Sets <paramref name="width"/> on the help of <paramref name="command"/> and of every command under it.</summary>
    public static T Apply<T>(T command, int width)
        where T : Command
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var help in command.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction action)
            {
                action.MaxWidth = width;
            }
        }

        foreach (var verb in command.Subcommands)
        {
            Apply(verb, width);
        }

        return command;
    }
}
