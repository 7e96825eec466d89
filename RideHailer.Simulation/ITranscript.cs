using System.Text.Json.Nodes;

namespace RideHailer.Simulation;

/// <summary>
/// Where a simulated conversation is told as it happens: the rider's and Alexa's turns, what happens inside Amazon's
/// consent and PIN tasks, the simulator's notes, and the raw bodies. The terminal prints it; another front end may show it otherwise.
/// </summary>
public interface ITranscript
{
    void Rider(string said);

    void Alexa(string speech);

    /// <summary>Something said or done outside the skill (a rider's turn inside Alexa's consent or PIN task).</summary>
    void Aside(string text);

    void Note(string text);

    /// <summary>What the rider did in the Alexa app (<see cref="AlexaAppAction.Done"/>), outside any session.</summary>
    void AlexaApp(string done) => Aside($"(Alexa app: {done})");

    void SessionEnded();

    /// <summary>The conversation waits for the rider's next line.</summary>
    void Prompt();

    void Card(SkillCard card);

    void Json(string label, JsonNode json);

    void Json(string label, string body);
}
