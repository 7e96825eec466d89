using System.Text.Json.Nodes;
using RideHailer.Simulation;

namespace RideHailer.Tests.Support;

/// <summary>
/// Plays Alexa's side of one session against the skill with the kit's <see cref="SimulatedSession"/>, which builds
/// each request, and echoes the token of the last StartConnection in the SessionResumedRequest that follows it.
/// What the rider granted is kept where Alexa keeps it, in the local Alexa API's ledger: an accepted consent grants
/// what it asked for, for this session and the rider's later ones.
/// </summary>
internal sealed class AlexaSession
{
    public const string ApiAccessToken = "api-access-token-secret";
    public const string LinkedAccountToken = "linked-account-token-secret";
    public const string PersonAccessToken = "person-access-token-secret";
    public const string ConsentToken = "consent-token-secret";


    private readonly SimulatedSession _session;

    private IReadOnlyList<(string Scope, string ConsentLevel)> _askedScopes = [];

    /// <param name="apiEndpoint">The requests' <c>apiEndpoint</c>; the local Alexa API's own address when null.</param>
    public AlexaSession(Func<JsonNode, Task<JsonNode>> post, LocalAlexaApi api, SimulatedRider? rider = null, Uri? apiEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        Post = post;
        _session = new SimulatedSession(rider ?? RiderSetup.Default, AlexaRequests.SkillId, apiEndpoint ?? api.Endpoint, api.Permissions);
        _session.Open();
    }

    /// <summary>Where requests go; a restart test points it at the new host.</summary>
    public Func<JsonNode, Task<JsonNode>> Post { get; set; }

    public string SessionId => _session.SessionId!;

    public SimulatedRider Rider
    {
        get => _session.Rider;
        set => _session.Rider = value;
    }

    public string? LastToken { get; private set; }

    public JsonNode? LastRequest { get; private set; }

    public Task<JsonNode> LaunchAsync() => ExchangeAsync(_session.Launch());

    public Task<JsonNode> OrderAsync(string? destination, string? resolvedId = null)
    {
        var slots = new JsonObject();
        if (destination is not null)
        {
            var slot = new JsonObject { ["name"] = "destination", ["value"] = destination, ["confirmationStatus"] = "NONE" };
            if (resolvedId is not null)
            {
                var value = new JsonObject { ["value"] = new JsonObject { ["name"] = destination, ["id"] = resolvedId } };
                slot["resolutions"] = new JsonObject
                {
                    ["resolutionsPerAuthority"] = new JsonArray(new JsonObject
                    {
                        ["authority"] = "amzn1.er-authority.echo-sdk.test.PlaceName",
                        ["status"] = new JsonObject { ["code"] = "ER_SUCCESS_MATCH" },
                        ["values"] = new JsonArray(value),
                    }),
                };
            }

            slots["destination"] = slot;
        }

        return IntentAsync("OrderRideIntent", slots);
    }

    public Task<JsonNode> IntentAsync(string name, JsonObject? slots = null) => ExchangeAsync(_session.Intent(name, slots));

    /// <summary>What the rider says, resolved against the skill package's model of the rider's locale and sent as Alexa fills the intent.</summary>
    public Task<JsonNode> SayAsync(string said) => new UtteranceResolver(InteractionModel.For(Rider.Locale)).Resolve(said) is IntentUtterance intent
        ? ExchangeAsync(_session.Intent(intent))
        : throw new ArgumentException($"'{said}' is not an intent of the model.", nameof(said));

    public Task<JsonNode> YesAsync() => IntentAsync("AMAZON.YesIntent");

    public Task<JsonNode> NoAsync() => IntentAsync("AMAZON.NoIntent");

    /// <summary>
    /// The consent connection's result; <paramref name="status"/> null leaves cause.result out (as with 204).
    /// ACCEPTED grants, as Alexa does, the scopes the last consent connection asked for.
    /// </summary>
    public Task<JsonNode> ConsentResultAsync(string code, string? status, string? token = null)
    {
        if (code == "200" && status == "ACCEPTED")
        {
            _session.Grant(_askedScopes);
        }

        return ResumeAsync(code, status is null ? null : new JsonObject { ["status"] = status }, token);
    }

    /// <summary>The PIN connection's result, with context.System.person at <paramref name="level"/> (null: level 0).</summary>
    public Task<JsonNode> PinResultAsync(string code, string? status, string? reason = null, int? level = 400, string? token = null)
    {
        var result = status is null ? null : new JsonObject { ["status"] = status };
        if (result is not null && reason is not null)
        {
            result["reason"] = reason;
        }

        return ResumeAsync(code, result, token, speakerLevel: level ?? 0);
    }

    public Task<JsonNode> SessionEndedAsync() => ExchangeAsync(_session.Ended("USER_INITIATED"));

    /// <summary>Sends <see cref="LastRequest"/> again, unchanged (same request id), as Alexa does when it retries.</summary>
    public Task<JsonNode> RepeatLastAsync() => Post(LastRequest!.DeepClone());

    /// <summary>Sends <paramref name="request"/> (its type and own fields) in this session's envelope.</summary>
    public Task<JsonNode> SendAsync(JsonObject request, int? speakerLevel = null) =>
        ExchangeAsync(_session.Request(request, speakerLevel));

    /// <summary>
    /// What the rider does in the Alexa app (one of the kit's skill events, e.g. <c>alexa =&gt; alexa.SkillDisabled()</c>):
    /// done to Alexa's view of the rider, and its event built, not sent.
    /// </summary>
    public JsonObject InAlexaApp(Func<SimulatedSession, JsonObject> does)
    {
        ArgumentNullException.ThrowIfNull(does);
        return does(_session);
    }

    /// <summary>Does <paramref name="does"/> in the Alexa app and posts its event; the skill's answer (no session's turn: nothing is echoed).</summary>
    public Task<JsonNode> AlexaAppAsync(Func<SimulatedSession, JsonObject> does) => Post(InAlexaApp(does));

    /// <summary>Whether Alexa's ledger holds <paramref name="scope"/> for this rider, at the level the skill reads it.</summary>
    public bool IsGranted(string scope) => _session.IsGranted(scope);

    private async Task<JsonNode> ExchangeAsync(JsonObject envelope)
    {
        LastRequest = envelope;
        var response = await Post(LastRequest.DeepClone());
        _session.Heard(response);
        if (response["response"]?["directives"]?[0] is { } directive && directive["token"] is { } token)
        {
            LastToken = (string?)token;
            if (directive["input"]?["permissionScopes"] is JsonArray scopes)
            {
                _askedScopes = [.. scopes.Select(scope => ((string)scope!["permissionScope"]!, (string)scope["consentLevel"]!))];
            }
        }

        return response;
    }

    private Task<JsonNode> ResumeAsync(string code, JsonObject? result, string? token, int? speakerLevel = null) =>
        ExchangeAsync(_session.Resumed(
            ConnectionCause.Completed(token ?? LastToken, code, code == "200" ? "OK" : "Something happened", result), speakerLevel));
}
