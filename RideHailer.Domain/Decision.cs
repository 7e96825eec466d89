using RideHailer.Domain.Replies;

namespace RideHailer.Domain;

/// <summary>
/// The outcome of one turn. <see cref="Reply"/> is null when a command must complete first (its result
/// turn produces the reply) or when there is nothing to say (the session already ended).
/// </summary>
public sealed record Decision(SessionState State, Reply? Reply, IReadOnlyList<Command> Commands);
