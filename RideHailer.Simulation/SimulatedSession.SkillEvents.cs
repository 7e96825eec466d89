using System.Globalization;
using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read.Requests;

namespace RideHailer.Simulation;

/// <summary>
/// What the rider does to Ride Hailer in the Alexa app, outside any session, and the <c>AlexaSkillEvent.*</c> request
/// Alexa sends the skill for it (npm <c>ask-sdk-model</c> <c>events.skillevents</c>; Amazon's "Skill events in Alexa
/// skills"). Each builder changes what Alexa holds for the rider as the app does, so the next session is sent as a
/// real Echo would send it after the change, then returns the event's envelope: no <c>session</c>; <c>context.System</c>
/// with the application, the user (its <c>accessToken</c> while the account is linked), the <c>apiEndpoint</c> and,
/// except on SkillDisabled, the <c>apiAccessToken</c>; a fresh request id, and <c>timestamp</c>,
/// <c>eventCreationTime</c> and <c>eventPublishingTime</c> from the session's clock. Sent like any other request
/// (signed by the <see cref="SkillClient"/>); an open session is left as it is, for the caller to end first.
/// </summary>
public sealed partial class SimulatedSession
{
    /// <summary><c>body.userInformationPersistenceStatus</c> of SkillDisabled: Alexa keeps nothing of the user for the skill.</summary>
    public const string NotPersisted = "NOT_PERSISTED";

    /// <summary><c>body.userInformationPersistenceStatus</c> of SkillDisabled: the user's id outlives the disabling (a skill with consumables).</summary>
    public const string Persisted = "PERSISTED";

    /// <summary>The links the rider had when the skill was disabled, which linking again restores; null while never disabled.</summary>
    private (bool Account, bool Person)? _linksBeforeDisabling;

    /// <summary>How many times the skill was enabled again after being disabled: each time the account's user id is new.</summary>
    private int _enablements;

    /// <summary>Whether Ride Hailer is enabled for the rider's account: true until <see cref="SkillDisabled"/>, again after <see cref="SkillEnabled"/>.</summary>
    public bool IsSkillEnabled { get; private set; } = true;

    /// <summary>
    /// The rider enabled the skill (in the app, or by invoking it by voice while it was disabled): <c>AlexaSkillEvent.SkillEnabled</c>.
    /// Enabled again after <see cref="SkillDisabled"/>, the account gets a new user id, as Alexa gives one: the skill
    /// forgot the old one and refuses it from then on, and this event and every later request carry the new one.
    /// </summary>
    public JsonObject SkillEnabled()
    {
        if (!IsSkillEnabled)
        {
            _enablements++;
            Rider = Rider with { UserId = string.Create(CultureInfo.InvariantCulture, $"{Rider.UserId}.enabled-again-{_enablements}") };
        }

        IsSkillEnabled = true;
        return SkillEvent(SkillEventRequest.SkillEnabled, body: null);
    }

    /// <summary>
    /// The rider disabled the skill: as Amazon documents, the account is unlinked (the speaker's own link too) and every
    /// permission the skill had is revoked; <c>AlexaSkillEvent.SkillDisabled</c> with <c>body.userInformationPersistenceStatus</c>.
    /// </summary>
    /// <param name="persistenceStatus"><see cref="NotPersisted"/> (default) or <see cref="Persisted"/>.</param>
    public JsonObject SkillDisabled(string persistenceStatus = NotPersisted)
    {
        IsSkillEnabled = false;
        _linksBeforeDisabling ??= (Rider.Linked, Rider.PersonLinked);
        Rider = Rider with { Linked = false, PersonLinked = false };
        _permissions.RevokeAll(UserId);
        return SkillEvent(SkillEventRequest.SkillDisabled, new JsonObject { ["userInformationPersistenceStatus"] = persistenceStatus }, apiAccessToken: false);
    }

    /// <summary>
    /// The rider granted the skill permissions for the first time: <c>AlexaSkillEvent.SkillPermissionAccepted</c>. From now
    /// on exactly these are granted (<see cref="SkillPermissionChanged"/> says how).
    /// </summary>
    public JsonObject SkillPermissionAccepted(IEnumerable<string> scopes, IEnumerable<string>? personScopes = null) =>
        PermissionEvent(SkillEventRequest.SkillPermissionAccepted, scopes, personScopes);

    /// <summary>
    /// The rider changed the skill's permissions: <c>AlexaSkillEvent.SkillPermissionChanged</c>, whose body lists every
    /// scope granted now (<c>acceptedPermissions</c>, the account's) and, with a recognised speaker, the speaker's own
    /// (<c>acceptedPersonPermissions</c>). Alexa's ledger holds exactly these from now on: what the event leaves out is
    /// revoked, and the APIs answer 403 for it.
    /// </summary>
    /// <param name="scopes">The account's scopes.</param>
    /// <param name="personScopes">The speaker's; by default those of <paramref name="scopes"/> a person can hold (name and mobile number), as the app grants them.</param>
    public JsonObject SkillPermissionChanged(IEnumerable<string> scopes, IEnumerable<string>? personScopes = null) =>
        PermissionEvent(SkillEventRequest.SkillPermissionChanged, scopes, personScopes);

    /// <summary>
    /// The rider linked their Ride Hailer account in the Alexa app: the account's link (and the speaker's own, as the
    /// rider had it before disabling) is back, and <c>AlexaSkillEvent.SkillAccountLinked</c> carries the account's
    /// token in <c>body.accessToken</c>.
    /// </summary>
    public JsonObject SkillAccountLinked()
    {
        var personLinked = _linksBeforeDisabling?.Person ?? Rider.PersonLinked;
        _linksBeforeDisabling = null;
        Rider = Rider with { Linked = true, PersonLinked = personLinked };
        return SkillEvent(SkillEventRequest.SkillAccountLinked, new JsonObject { ["accessToken"] = Rider.AccountToken });
    }

    /// <summary>What Alexa's ledger grants the rider now: the account's scopes and, with a recognised speaker, the speaker's.</summary>
    public (IReadOnlyList<string> Account, IReadOnlyList<string> Person) GrantedScopes() =>
        (_permissions.GrantedScopes(UserId, null), Rider.PersonId is { } personId ? _permissions.GrantedScopes(UserId, personId) : []);

    private JsonObject PermissionEvent(string type, IEnumerable<string> scopes, IEnumerable<string>? personScopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        IReadOnlyList<string> account = [.. scopes.Distinct(StringComparer.Ordinal)];
        IReadOnlyList<string> person = [.. (personScopes ?? account.Where(PermissionLedger.IsPersonScope)).Distinct(StringComparer.Ordinal)];
        _permissions.Replace(UserId, Rider.PersonId, account, person);
        var body = new JsonObject { ["acceptedPermissions"] = Permissions(account) };
        // Only with the person object, as ask-sdk-model's PermissionBody says.
        if (Rider.PersonId is not null)
        {
            body["acceptedPersonPermissions"] = Permissions(person);
        }

        return SkillEvent(type, body, person: true);
    }

    private static JsonArray Permissions(IEnumerable<string> scopes) =>
        new([.. scopes.Select(scope => (JsonNode)new JsonObject { ["scope"] = scope })]);

    /// <summary>The envelope of one skill event: no session, and the context of the account rather than of a device.</summary>
    /// <param name="person">Whether the recognised speaker goes in <c>context.System.person</c> (the permission events).</param>
    private JsonObject SkillEvent(string type, JsonObject? body, bool apiAccessToken = true, bool person = false)
    {
        var now = Timestamp(_time.GetUtcNow());
        var request = new JsonObject
        {
            ["type"] = type,
            ["requestId"] = "amzn1.echo-api.request." + Guid.NewGuid().ToString("D"),
            ["timestamp"] = now,
            ["eventCreationTime"] = now,
            ["eventPublishingTime"] = now,
        };
        if (body is not null)
        {
            request["body"] = body;
        }

        var user = new JsonObject { ["userId"] = UserId };
        if (Rider.Linked)
        {
            user["accessToken"] = Rider.AccountToken;
        }

        if (person && Rider.ReportsPermissions)
        {
            user["permissions"] = new JsonObject { ["consentToken"] = Rider.ConsentToken };
        }

        var system = new JsonObject
        {
            ["application"] = new JsonObject { ["applicationId"] = SkillId },
            ["user"] = user,
        };
        if (person && Rider.PersonId is { } personId)
        {
            var speaker = new JsonObject { ["personId"] = personId };
            if (Rider.PersonLinked)
            {
                speaker["accessToken"] = Rider.PersonToken;
            }

            system["person"] = speaker;
        }

        system["apiEndpoint"] = _apiEndpoint.GetLeftPart(UriPartial.Authority);
        if (apiAccessToken)
        {
            system["apiAccessToken"] = SimulatedApiToken.For(UserId, person ? Rider.PersonId : null, Rider.ApiTokenPrefix);
        }

        return new JsonObject { ["version"] = "1.0", ["context"] = new JsonObject { ["System"] = system }, ["request"] = request };
    }
}
