using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The run's "Alexa app" panel: what the rider does to the skill outside any session (disable, enable, change its
/// permissions, link the account), done with the kit's <see cref="AlexaAppAction"/>s as the chat's slash commands do,
/// and the <c>AlexaSkillEvent.*</c> sent to the skill for each, signed like every other request of the run.
/// </summary>
internal sealed partial class ConsoleRun
{
    /// <summary>What the Alexa app shows for the rider now: whether the skill is enabled and linked, and each scope it asks for.</summary>
    public async Task<AlexaAppView> AlexaAppAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            return AlexaAppView();
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>
    /// Does <paramref name="action"/> in the Alexa app: an open session ends first (the rider left the device for the
    /// app; a connection waiting on Amazon's side is dropped with it), then the skill is sent the action's event.
    /// </summary>
    public async Task<ConsoleTurn> InAlexaAppAsync(AlexaAppAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            ConsoleTurn? ended = null;
            if (_session.IsOpen)
            {
                _transcript.Note("the rider leaves the device for the Alexa app: the open session ends");
                _pending = null;
                ended = await SendAsync(_session.Ended("USER_INITIATED"), cancellationToken);
            }

            var sent = await SendAsync(_runner.AppEvent(action), cancellationToken);
            return ended is null ? sent : Join(ended, sent);
        }
        finally
        {
            _turn.Release();
        }
    }

    private AlexaAppView AlexaAppView()
    {
        var (account, person) = _session.GrantedScopes();
        var rider = _session.Rider;
        return new AlexaAppView(
            _session.IsSkillEnabled,
            rider.Linked,
            rider.PersonId is null ? null : rider.PersonLinked,
            [.. AlexaAppAction.ScopeWords.Select(word => new AlexaAppScope(
                word.Scope, word.Word, word.Label, account.Contains(word.Scope), rider.PersonId is null ? null : person.Contains(word.Scope)))]);
    }

    /// <summary>Two turns sent one after the other for one thing the page did, as one.</summary>
    private static ConsoleTurn Join(ConsoleTurn first, ConsoleTurn then) => new(
        [.. first.Transcript, .. then.Transcript],
        [.. first.Exchanges, .. then.Exchanges],
        then.Awaiting,
        then.SessionOpen,
        first.Error is null ? then.Error : then.Error is null ? first.Error : $"{first.Error} {then.Error}");
}

/// <summary>The "Alexa app" panel: the skill's state for the run's rider, as the Alexa app would show it.</summary>
/// <param name="Enabled">Ride Hailer is enabled for the account (it is until disabled; invoking it by voice enables it again).</param>
/// <param name="AccountLinked">The account's Ride Hailer link (<c>user.accessToken</c>); disabling the skill removes it.</param>
/// <param name="SpeakerLinked">The recognised speaker's own link (<c>person.accessToken</c>); null without a recognised speaker.</param>
/// <param name="Scopes">Each scope the skill package asks for, in its order.</param>
internal sealed record AlexaAppView(bool Enabled, bool AccountLinked, bool? SpeakerLinked, IReadOnlyList<AlexaAppScope> Scopes);

/// <summary>One permission of the panel: the Alexa scope, the chat's word for it, and whether it is granted now.</summary>
/// <param name="Granted">Granted to the account.</param>
/// <param name="SpeakerGranted">Granted to the recognised speaker (name and mobile number can be); null without one.</param>
internal sealed record AlexaAppScope(string Scope, string Word, string Label, bool Granted, bool? SpeakerGranted);

/// <summary>The body of <c>POST /console/api/runs/{id}/alexa-app/permissions</c>: every scope to grant (Alexa's names or the chat's words); the rest are revoked.</summary>
internal sealed record AlexaAppPermissionsRequest(IReadOnlyList<string>? Scopes);
