using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Simulation;

/// <summary>Posts signed request bodies to the skill's endpoint, as Alexa does.</summary>
public sealed class SkillClient(HttpClient http, Uri endpoint, SigningChain signer)
{
    public Uri Endpoint { get; } = endpoint;

    /// <summary>How long a request may wait for the skill's answer before it is given up.</summary>
    public TimeSpan Timeout => http.Timeout;

    public async Task<SkillExchange> SendAsync(JsonObject envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var body = Encoding.UTF8.GetBytes(envelope.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(AlexaSignatureVerifier.SignatureCertChainUrlHeader, SigningChain.ChainUrl);
        request.Headers.TryAddWithoutValidation(AlexaSignatureVerifier.Signature256Header, signer.Sign(body));

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new SkillExchange((int)response.StatusCode, text);
    }
}

/// <summary>What the endpoint answered: its status code and body.</summary>
public sealed record SkillExchange(int StatusCode, string Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
