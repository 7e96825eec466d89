using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;
using RideHailer.Skill.Alexa.Enrich.Profile;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Skill.Alexa.Read.Requests;
using RideHailer.Skill.Alexa.Verify;

namespace RideHailer.Skill.Alexa.Enrich;

/// <summary>
/// Edge enrichment: turns what a request's credentials can read into plain rider facts for the conversation.
/// Alexa's permissions map states only some scopes (the geolocation scope); for the rest the Customer Profile
/// and Device Address APIs are the truth (200 granted, 403 not). So the profile is read, in parallel, whenever
/// the turn can use it (a ride request, or a consent that was just accepted) for every scope the map does not
/// say was denied: a rider who granted earlier, by voice or in the Alexa app, is quoted without being asked again.
/// </summary>
public sealed partial class RiderFactsLoader(
    CustomerProfileClient profile,
    IRiderIdentity identity,
    IOptions<AlexaOptions> alexaOptions,
    ConversationSettings settings,
    ILogger<RiderFactsLoader> logger)
{
    private const string GeolocationInterface = "Geolocation";

    private readonly IReadOnlyList<Uri> _allowedEndpoints =
        [.. alexaOptions.Value.EffectiveApiEndpoints.Select(endpoint => new Uri(endpoint))];

    private readonly ConversationSettings _settings = settings;

    public async Task<RiderFacts> LoadAsync(ReadRequest read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (request, turn) = (read.Alexa, read.Turn);
        var system = request.System;
        var riderId = request.LinkedAccount is { } account
            ? await identity.ResolveRiderIdAsync(account, cancellationToken)
            : null;
        var acceptedConsent = read.IsAcceptedConsent;
        var stated = StatedScopes(request, acceptedConsent, read.ReportedScopes, read.ReportedPersonScopes);
        var facts = new RiderFacts
        {
            RiderId = riderId,
            PersonId = system?.Person?.PersonId,
            SupportsGeolocation = system?.Device?.Supports(GeolocationInterface) == true,
            GrantedScopes = [.. stated.Where(scope => scope.Value == ScopeStatus.Granted).Select(scope => scope.Key)],
            RefusedScopes = [.. stated.Where(scope => scope.Value == ScopeStatus.Denied).Select(scope => scope.Key)],
        };

        var canUseProfile = riderId is not null && (acceptedConsent || turn is RideRequested or RideHomeRequested);
        return canUseProfile ? await ReadProfileAsync(request, facts, stated, turn is RideHomeRequested, cancellationToken) : facts;
    }

    private async Task<RiderFacts> ReadProfileAsync(
        AlexaRequest request, RiderFacts facts, Dictionary<RiderScope, ScopeStatus> stated, bool home, CancellationToken cancellationToken)
    {
        bool MayRead(RiderScope scope) => stated[scope] != ScopeStatus.Denied;
        var location = facts.SupportsGeolocation && MayRead(_settings.GeolocationScope) ? RequestLocation.Read(request) : null;
        var api = ApiFor(request);
        if (api is null)
        {
            return WithLocation(facts, location);
        }

        var person = facts.PersonId is not null;
        var name = !MayRead(_settings.NameScope) ? null
            : _settings.NameScope == RiderScope.FullName
                ? profile.GetNameAsync(api, person, cancellationToken)
                : profile.GetGivenNameAsync(api, person, cancellationToken);
        var mobile = MayRead(_settings.MobileNumberScope) ? profile.GetMobileNumberAsync(api, person, cancellationToken) : null;
        // The freshest location is the request's own coordinate; the device address stands in when there is none. A
        // ride home reads the address anyway: it is the destination.
        var address = (location is not null && !home) || !MayRead(_settings.AddressScope) || request.System?.Device?.DeviceId is not { } deviceId
            ? null
            : profile.GetAddressAsync(api, deviceId, cancellationToken);
        await Task.WhenAll(new Task?[] { name, mobile, address }.OfType<Task>());

        var granted = new HashSet<RiderScope>(facts.GrantedScopes);
        var refused = new HashSet<RiderScope>(facts.RefusedScopes);
        var unreachable = new HashSet<RiderScope>();
        void Learn(RiderScope scope, ProfileReadStatus? status)
        {
            if (status == ProfileReadStatus.Unreachable)
            {
                unreachable.Add(scope);
            }

            if (status is ProfileReadStatus.Read or ProfileReadStatus.Refused)
            {
                (status == ProfileReadStatus.Read ? granted : refused).Add(scope);
                (status == ProfileReadStatus.Read ? refused : granted).Remove(scope);
            }
        }

        Learn(_settings.NameScope, name?.Result.Status);
        Learn(_settings.MobileNumberScope, mobile?.Result.Status);
        Learn(_settings.AddressScope, address?.Result.Status);
        var read = facts with
        {
            GrantedScopes = [.. granted],
            RefusedScopes = [.. refused],
            UnreachableScopes = [.. unreachable],
            GivenName = name?.Result.Value,
            MobileNumber = mobile?.Result.Value?.ToString() is { Length: > 0 } number ? number : null,
            Pickup = AddressPickup(address?.Result.Value),
            HomeAddress = address?.Result.Value?.OneLine is { Length: > 0 } oneLine ? oneLine : null,
        };
        return WithLocation(read, location);
    }

    /// <summary>A usable coordinate in the request is the pickup, and proof the geolocation scope is granted.</summary>
    private RiderFacts WithLocation(RiderFacts facts, GeoPoint? location) => location is not { } point
        ? facts
        : facts with
        {
            Pickup = Pickup.AtGeolocation(point),
            GrantedScopes = [.. facts.GrantedScopes.Union([_settings.GeolocationScope])],
            RefusedScopes = [.. facts.RefusedScopes.Where(scope => scope != _settings.GeolocationScope)],
        };

    /// <summary>The request's apiEndpoint, only if it is one the skill may send the rider's token to.</summary>
    private AlexaApi? ApiFor(AlexaRequest request)
    {
        var system = request.System;
        if (system?.ApiAccessToken is not { Length: > 0 } token ||
            !Uri.TryCreate(system.ApiEndpoint, UriKind.Absolute, out var endpoint))
        {
            return null;
        }

        var allowed = _allowedEndpoints.FirstOrDefault(candidate =>
            Uri.Compare(candidate, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
        if (allowed is null)
        {
            // Scheme, host and port only: a URL's user-info may hold a credential.
            Log.ApiEndpointNotAllowed(logger, endpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped), request.RequestId);
            return null;
        }

        return new AlexaApi(allowed, token);
    }

    /// <summary>
    /// What the request's permissions map says of each scope the ride needs; where it says nothing, the user's last
    /// permission event at the level the skill reads the scope at: a recognised person's name and number by that person's
    /// own grants (they are read from the person's profile), everything else by the account's. Granted if the event listed
    /// the scope, denied (revoked, or never given) if it did not, unknown (the API decides) when no event was recorded for
    /// that level, as for another person of the account than the one whose grants were reported.
    /// </summary>
    private Dictionary<RiderScope, ScopeStatus> StatedScopes(
        AlexaRequest request, bool consentAccepted, IReadOnlyCollection<string>? reported, IReadOnlyCollection<string>? reportedPerson)
    {
        var permissions = request.System?.User?.Permissions ?? request.Envelope.Session?.User?.Permissions;
        var person = request.System?.Person?.PersonId is { Length: > 0 };
        RiderScope[] scopes = [_settings.NameScope, _settings.MobileNumberScope, _settings.GeolocationScope, _settings.AddressScope];
        IReadOnlyCollection<string>? ReportedFor(RiderScope scope) =>
            person && (scope == _settings.NameScope || scope == _settings.MobileNumberScope) ? reportedPerson : reported;
        return scopes.Distinct().ToDictionary(
            scope => scope,
            scope => permissions?.StatusOf(PermissionScopes.Of(scope)) switch
            {
                // Consent was accepted a moment ago; this request's map may not show it yet, and the API still
                // says no (403) to anything that was not really granted.
                ScopeStatus.Denied when consentAccepted => ScopeStatus.Unknown,
                ScopeStatus.Unknown or null when ReportedFor(scope) is { } listed && !consentAccepted =>
                    listed.Contains(PermissionScopes.Of(scope)) ? ScopeStatus.Granted : ScopeStatus.Denied,
                { } status => status,
                null => ScopeStatus.Unknown,
            });
    }

    private static Pickup? AddressPickup(DeviceAddress? address) =>
        address is { OneLine.Length: > 0 } ? Pickup.AtAddress(address.OneLine, address.City) : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 86, Level = LogLevel.Warning,
            Message = "Request {RequestId} names Alexa API {Endpoint}, which is not in Alexa:AllowedApiEndpoints; the profile is not read")]
        public static partial void ApiEndpointNotAllowed(ILogger logger, string endpoint, string? requestId);
    }
}
