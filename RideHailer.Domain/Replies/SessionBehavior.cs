using System.Text.Json.Serialization;

namespace RideHailer.Domain.Replies;

/// <summary>What happens to the Alexa session after a reply.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionBehavior>))]
public enum SessionBehavior
{
    /// <summary>shouldEndSession: true.</summary>
    End,

    /// <summary>shouldEndSession: false; the reply asks a question.</summary>
    KeepOpen,

    /// <summary>shouldEndSession absent: a skill connection takes over and resumes the session.</summary>
    AwaitConnection,
}
