namespace RideHailer.Skill.Workflow;

/// <summary>How long a turn may take and how long an idle session lives.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Session";

    /// <summary>Alexa waits at most 8 s for an answer; the endpoint's budget must leave room to send it.</summary>
    public static readonly TimeSpan AlexaResponseLimit = TimeSpan.FromSeconds(8);

    /// <summary>How long the endpoint waits for the orchestration's reply before asking the rider to try again.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// How many turns this host hands the durable backend at once (<see cref="TurnAdmission"/>); up to
    /// <see cref="MaxWaitingTurns"/> more wait, and a turn not let in within half of <see cref="ReplyTimeout"/> is
    /// answered "busy".
    /// </summary>
    public int MaxConcurrentTurns { get; set; } = 128;

    /// <summary>
    /// How many turns may wait for a place among <see cref="MaxConcurrentTurns"/>; one past them is answered "busy" at
    /// once. Half the reply budget is what bounds a turn's wait; this bounds only what a burst holds in memory meanwhile.
    /// </summary>
    public int MaxWaitingTurns { get; set; } = 1024;

    /// <summary>How long a session's orchestration waits for the next turn before ending itself.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a finished session's durable state (the rider's name, number and pickup among it) is kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);
}
