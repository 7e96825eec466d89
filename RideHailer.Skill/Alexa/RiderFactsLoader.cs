using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RideHailer.Domain;
using RideHailer.Domain.Places;
using RideHailer.Skill.Alexa.Profile;
using RideHailer.Skill.Alexa.Requests;
using RideHailer.Skill.Workflow;

namespace RideHailer.Skill.Alexa;

/// <summary>
/// Edge enrichment: turns what a request's credentials can read into plain rider facts for the
/// conversation. The profile is read only when the turn can use it (a ride request, or a consent that was
/// just accepted), and only for the scopes the rider has granted.
/// </summary>
public sealed partial class RiderFactsLoader(
    CustomerProfileClient profile,
    IRiderIdentity identity,
    IOptions<AlexaOptions> alexaOptions,
    IOptions<BookingOptions> bookingOptions,
    ILogger<RiderFactsLoader> logger)
{
    private const string GeolocationInterface = "Geolocation";

    private readonly IReadOnlyList<Uri> _allowedEndpoints =
        [.. alexaOptions.Value.EffectiveApiEndpoints.Select(endpoint => new Uri(endpoint))];

    private readonly ConversationSettings _settings = bookingOptions.Value.ToConversationSettings();

    public async Task<RiderFacts> LoadAsync(AlexaRequest request, Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var system = request.System;
        var riderId = request.LinkedAccount is { } account
            ? await identity.ResolveRiderIdAsync(account, cancellationToken)
            : null;
        var supportsGeolocation = system?.Device?.Supports(GeolocationInterface) == true;
        var facts = new RiderFacts
        {
            RiderId = riderId,
            PersonId = system?.Person?.PersonId,
            SupportsGeolocation = supportsGeolocation,
            GrantedScopes = GrantedScopes(request, turn, supportsGeolocation),
        };

        var canUseProfile = riderId is not null && (IsAcceptedConsent(turn) || turn is RideRequested) &&
                            RequiredScopes(supportsGeolocation).Any(facts.GrantedScopes.Contains);
        return canUseProfile ? await ReadProfileAsync(request, facts, cancellationToken) : facts;
    }

    private async Task<RiderFacts> ReadProfileAsync(AlexaRequest request, RiderFacts facts, CancellationToken cancellationToken)
    {
        var api = ApiFor(request);
        if (api is null)
        {
            return facts;
        }

        var person = facts.PersonId is not null;
        bool Granted(string scope) => facts.GrantedScopes.Contains(scope);
        var name = !Granted(_settings.NameScope) ? null
            : _settings.NameScope == PermissionScopes.FullName
                ? profile.GetNameAsync(api, person, cancellationToken)
                : profile.GetGivenNameAsync(api, person, cancellationToken);
        var mobile = Granted(_settings.MobileNumberScope) ? profile.GetMobileNumberAsync(api, person, cancellationToken) : null;
        var address = facts.SupportsGeolocation || !Granted(_settings.AddressScope) || request.System?.Device?.DeviceId is not { } deviceId
            ? null
            : profile.GetAddressAsync(api, deviceId, cancellationToken);
        await Task.WhenAll(new Task?[] { name, mobile, address }.OfType<Task>());

        var refused = new List<string>();
        Refuse(refused, _settings.NameScope, name?.Result.Status);
        Refuse(refused, _settings.MobileNumberScope, mobile?.Result.Status);
        Refuse(refused, _settings.AddressScope, address?.Result.Status);
        return facts with
        {
            GivenName = name?.Result.Value,
            MobileNumber = mobile?.Result.Value?.ToString() is { Length: > 0 } number ? number : null,
            Pickup = facts.SupportsGeolocation ? GeolocationPickup(request) : AddressPickup(address?.Result.Value),
            RefusedScopes = refused,
        };
    }

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
            Log.ApiEndpointNotAllowed(logger, endpoint.GetLeftPart(UriPartial.Authority), request.RequestId);
            return null;
        }

        return new AlexaApi(allowed, token);
    }

    private IReadOnlyList<string> GrantedScopes(AlexaRequest request, Turn turn, bool supportsGeolocation)
    {
        var granted = (request.System?.User?.Permissions?.Scopes ?? [])
            .Where(scope => scope.Value.IsGranted)
            .Select(scope => scope.Key);
        // An accepted consent may not show in this request's permissions yet; the Profile API still says
        // no (403) for anything that was not really granted.
        return IsAcceptedConsent(turn)
            ? [.. granted.Union(RequiredScopes(supportsGeolocation), StringComparer.Ordinal)]
            : [.. granted];
    }

    private string[] RequiredScopes(bool supportsGeolocation) =>
        [_settings.NameScope, _settings.MobileNumberScope, supportsGeolocation ? _settings.GeolocationScope : _settings.AddressScope];

    private static bool IsAcceptedConsent(Turn turn) =>
        turn is ConsentResolved { Code: "200", Status: "ACCEPTED" };

    private static void Refuse(List<string> refused, string scope, ProfileReadStatus? status)
    {
        if (status == ProfileReadStatus.Refused)
        {
            refused.Add(scope);
        }
    }

    private static Pickup? GeolocationPickup(AlexaRequest request) =>
        request.Envelope.Context?.Geolocation?.Coordinate is { } coordinate
            ? Pickup.AtGeolocation(new GeoPoint(coordinate.LatitudeInDegrees, coordinate.LongitudeInDegrees))
            : null;

    private static Pickup? AddressPickup(DeviceAddress? address) =>
        address is { OneLine.Length: > 0 } ? Pickup.AtAddress(address.OneLine, address.City) : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 32, Level = LogLevel.Warning,
            Message = "Request {RequestId} names Alexa API {Endpoint}, which is not in Alexa:AllowedApiEndpoints; the profile is not read")]
        public static partial void ApiEndpointNotAllowed(ILogger logger, string endpoint, string? requestId);
    }
}
