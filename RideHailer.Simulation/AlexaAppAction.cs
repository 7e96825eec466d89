using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Simulation;

/// <summary>
/// Something the rider does to Ride Hailer in the Alexa app rather than says to a device: disable or enable the skill,
/// change its permissions, link the account. The chat takes one as a slash command typed instead of an utterance
/// (<see cref="TryParse"/>); the web console's "Alexa app" panel sends the same. <see cref="Perform"/> changes what
/// Alexa holds for the rider and builds the <c>AlexaSkillEvent.*</c> request the skill is sent for it.
/// </summary>
public abstract record AlexaAppAction
{
    /// <summary>What a slash command starts with.</summary>
    public const char CommandPrefix = '/';

    /// <summary>The words <c>/permissions</c> takes for each scope the skill package asks for, in the package's order.</summary>
    public static readonly IReadOnlyList<(string Word, string Scope, string Label)> ScopeWords =
    [
        ("name", PermissionScopes.GivenName, "first name"),
        ("mobile", PermissionScopes.MobileNumber, "mobile number"),
        ("location", PermissionScopes.Geolocation, "location"),
        ("address", PermissionScopes.FullAddress, "device address"),
    ];

    /// <summary>The commands with what each does, one a line: chat's <c>/help</c>, and its <c>--help</c>.</summary>
    public static readonly IReadOnlyList<(string Command, string Does)> Commands =
    [
        ("/disable", "disable Ride Hailer: Alexa unlinks the account and revokes its permissions (AlexaSkillEvent.SkillDisabled)"),
        ("/enable", "enable it again (AlexaSkillEvent.SkillEnabled); invoking it by voice while disabled does the same"),
        ("/permissions name,mobile,location,address", "grant exactly these, revoking the rest; 'all' or 'none' (AlexaSkillEvent.SkillPermissionAccepted the first time, else SkillPermissionChanged)"),
        ("/link", "link the Ride Hailer account again (AlexaSkillEvent.SkillAccountLinked)"),
        ("/help", "list these commands"),
    ];

    /// <summary>What the rider did, for the transcript: "skill disabled".</summary>
    public abstract string Done { get; }

    /// <summary>Whether the line is a slash command rather than something the rider says.</summary>
    public static bool IsCommand(string? line) => line?.TrimStart().StartsWith(CommandPrefix) == true;

    /// <summary>The action a slash command names; false with the reason (naming the commands) for one that names none.</summary>
    public static bool TryParse(string line, out AlexaAppAction? action, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(line);
        action = null;
        reason = null;
        var words = line.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = words.Length > 1 ? words[1] : null;
        switch (words.FirstOrDefault()?.ToLowerInvariant())
        {
            case "/disable" when argument is null:
                action = new DisableSkill();
                return true;
            case "/enable" when argument is null:
                action = new EnableSkill();
                return true;
            case "/link" when argument is null:
                action = new LinkAccount();
                return true;
            case "/permissions" when argument is not null:
                if (ChangePermissions.TryParseScopes(argument, out var scopes, out reason))
                {
                    action = new ChangePermissions(scopes);
                    return true;
                }

                return false;
            case "/permissions":
                reason = $"/permissions takes the scopes to grant: {string.Join(",", ScopeWords.Select(word => word.Word))}, all or none.";
                return false;
            default:
                reason = $"'{line.Trim()}' is not something the rider can do in the Alexa app: {string.Join(", ", Commands.Select(command => command.Command))}.";
                return false;
        }
    }

    /// <summary>Whether the line asks for the list of commands.</summary>
    public static bool IsHelp(string? line) => line?.Trim().Equals("/help", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Does it in the Alexa app for the session's rider; the skill event Alexa sends for it.</summary>
    public abstract JsonObject Perform(SimulatedSession session);
}

/// <summary><c>/disable</c>.</summary>
public sealed record DisableSkill : AlexaAppAction
{
    public override string Done => "skill disabled; Alexa unlinked the account and revoked its permissions";

    public override JsonObject Perform(SimulatedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.SkillDisabled();
    }
}

/// <summary><c>/enable</c>.</summary>
public sealed record EnableSkill : AlexaAppAction
{
    public override string Done => "skill enabled";

    public override JsonObject Perform(SimulatedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.SkillEnabled();
    }
}

/// <summary><c>/link</c>.</summary>
public sealed record LinkAccount : AlexaAppAction
{
    public override string Done => "account linked";

    public override JsonObject Perform(SimulatedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.SkillAccountLinked();
    }
}

/// <summary>
/// <c>/permissions …</c>: exactly <paramref name="Scopes"/> granted from now on, for the account and (name and mobile
/// number) for the recognised speaker, as the app grants them. SkillPermissionAccepted when nothing was granted
/// before, else SkillPermissionChanged.
/// </summary>
public sealed record ChangePermissions(IReadOnlyList<string> Scopes) : AlexaAppAction
{
    public override string Done => Scopes.Count == 0
        ? "permissions all revoked"
        : "permissions set to " + string.Join(", ", Scopes.Select(scope => ScopeWords.FirstOrDefault(word => word.Scope == scope).Label ?? scope));

    public override JsonObject Perform(SimulatedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (account, person) = session.GrantedScopes();
        return account.Count == 0 && person.Count == 0
            ? session.SkillPermissionAccepted(Scopes)
            : session.SkillPermissionChanged(Scopes);
    }

    /// <summary>"name,mobile" (commas or spaces), "all", "none", or Alexa's scope names themselves.</summary>
    public static bool TryParseScopes(string text, out IReadOnlyList<string> scopes, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(text);
        scopes = [];
        reason = null;
        var words = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 1 && words[0].Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (words.Length == 1 && words[0].Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            scopes = [.. ScopeWords.Select(word => word.Scope)];
            return true;
        }

        var chosen = new List<string>();
        foreach (var word in words)
        {
            var known = ScopeWords.FirstOrDefault(scope =>
                scope.Word.Equals(word, StringComparison.OrdinalIgnoreCase) || scope.Scope.Equals(word, StringComparison.Ordinal));
            if (known.Scope is null)
            {
                reason = $"'{word}' is not a scope Ride Hailer asks for; use {string.Join(", ", ScopeWords.Select(scope => scope.Word))}, all or none.";
                return false;
            }

            if (!chosen.Contains(known.Scope))
            {
                chosen.Add(known.Scope);
            }
        }

        // In the package's order, whatever the order typed.
        scopes = [.. ScopeWords.Select(word => word.Scope).Where(chosen.Contains)];
        return true;
    }
}
