using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>The <c>cause</c> of a <c>SessionResumedRequest</c>: a completed connection, the skill's token echoed.</summary>
public static class ConnectionCause
{
    /// <param name="result">The task's <c>cause.result</c>; null leaves it out, as Alexa does with 204 and errors.</param>
    public static JsonObject Completed(string? token, string code, string message, JsonObject? result)
    {
        var cause = new JsonObject
        {
            ["type"] = "ConnectionCompleted",
            ["token"] = token,
            ["status"] = new JsonObject { ["code"] = code, ["message"] = message },
        };
        if (result is not null)
        {
            cause["result"] = result;
        }

        return cause;
    }
}
