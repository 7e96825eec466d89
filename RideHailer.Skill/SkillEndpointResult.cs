using System.Text.Json;
using RideHailer.Skill.Alexa;
using RideHailer.Skill.Alexa.Render.Responses;

namespace RideHailer.Skill;

/// <summary>What a host writes back: a status code and a JSON body.</summary>
public sealed record SkillEndpointResult(int StatusCode, byte[] Body)
{
    public const string ContentType = "application/json; charset=utf-8";

    public static SkillEndpointResult Ok(ResponseEnvelope response) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(response, AlexaJsonContext.Default.ResponseEnvelope));

    /// <summary>The last-chance answer: a fault of ours, with nothing in it about the request or the fault.</summary>
    public static SkillEndpointResult InternalError() =>
        new(500, JsonSerializer.SerializeToUtf8Bytes(new ErrorBody("internal error"), AlexaJsonContext.Default.ErrorBody));

    /// <summary>A request that could not be served now and should be sent again (Alexa redelivers a skill event it got no 200 for).</summary>
    public static SkillEndpointResult Unavailable(string reason) =>
        new(503, JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(reason), AlexaJsonContext.Default.ErrorBody));

    public static SkillEndpointResult BadRequest(string error) =>
        new(400, JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(error), AlexaJsonContext.Default.ErrorBody));
}
