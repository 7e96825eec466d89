using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain;

namespace RideHailer.Skill.Workflow;

/// <summary>
/// What every request's <see cref="SessionRouter"/> shares, computed once: the save signal, the host's turn admission,
/// the options. A host binds it to the durable client it has for the request (the Functions trigger's
/// [DurableClient] binding, the DevHost's from DI) with <see cref="For"/>, once per request.
/// </summary>
public sealed class SessionRouting(
    ISessionSignal signal,
    TurnAdmission admission,
    IOptions<SessionOptions> sessionOptions,
    ConversationSettings settings,
    ILogger<SessionRouter> logger)
{
    internal ISessionSignal Signal => signal;

    internal TurnAdmission Admission => admission;

    internal SessionOptions Session { get; } = sessionOptions.Value;

    /// <summary>The conversation's settings every session starts with (the host's, as registered).</summary>
    internal ConversationSettings Settings => settings;

    /// <summary>
    /// <see cref="Settings"/> as a session's input carries them: without the markets, the built-in catalog's, which the
    /// orchestration is given where it is registered. They are most of the settings' size, and the input is read with
    /// every turn's session read and replayed with every step.
    /// </summary>
    internal ConversationSettings InputSettings { get; } = settings with { Markets = [] };

    /// <summary>The conversation under <see cref="Settings"/>, for the turns answered before their session starts.</summary>
    internal Conversation Conversation { get; } = new(settings);

    internal ILogger Logger => logger;

    /// <summary>The router for one request, through <paramref name="client"/>.</summary>
    public SessionRouter For(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new SessionRouter(client, this);
    }
}
