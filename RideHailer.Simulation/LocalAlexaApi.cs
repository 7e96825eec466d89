using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace RideHailer.Simulation;

/// <summary>
/// Alexa's Customer Profile and Device Address APIs on a loopback port, answering for a sample rider as Alexa
/// does: 401 without a valid token, 403 for a scope the rider behind the token has not granted (the
/// <see cref="Permissions"/> ledger), the value otherwise. A path can be told to answer another status instead.
/// Used by the terminal simulator and the tests; Development only.
/// </summary>
public sealed class LocalAlexaApi : IAsyncDisposable
{
    /// <summary>The override that answers nothing (<see cref="Stall"/>); no HTTP status is negative.</summary>
    private const int Stalled = -1;

    private WebApplication _app = null!;
    private readonly ConcurrentDictionary<string, int> _statusOverrides = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private LocalAlexaApi(SampleRider rider)
    {
        Rider = rider;
    }

    public const string GivenNamePath = "/v2/accounts/~current/settings/Profile.givenName";
    public const string NamePath = "/v2/accounts/~current/settings/Profile.name";
    public const string MobileNumberPath = "/v2/accounts/~current/settings/Profile.mobileNumber";
    public const string PersonGivenNamePath = "/v2/persons/~current/profile/givenName";
    public const string PersonNamePath = "/v2/persons/~current/profile/name";
    public const string PersonMobileNumberPath = "/v2/persons/~current/profile/mobileNumber";
    public const string AddressPathSuffix = "/settings/address";

    public Uri Endpoint { get; private set; } = null!;

    public SampleRider Rider { get; set; }

    /// <summary>What each rider has granted, for as long as this API runs.</summary>
    public PermissionLedger Permissions { get; } = new();

    /// <summary>Every request as "METHOD path", in order.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Makes <paramref name="path"/> (or any device address path, with <see cref="AddressPathSuffix"/>) answer <paramref name="statusCode"/>.</summary>
    public void Answer(string path, int statusCode) => _statusOverrides[path] = statusCode;

    /// <summary>Makes <paramref name="path"/> answer nothing until its caller gives up: an API that times out.</summary>
    public void Stall(string path) => _statusOverrides[path] = Stalled;

    /// <summary>Makes <paramref name="path"/> answer as the rider's grants say again.</summary>
    public void Recover(string path) => _statusOverrides.TryRemove(path, out _);

    public static Task<LocalAlexaApi> StartAsync(SampleRider? rider = null, CancellationToken cancellationToken = default) =>
        StartAsync(port: 0, rider, cancellationToken);

    /// <param name="port">
    /// A fixed port, so a skill in another process can allow <c>http://127.0.0.1:port</c> in advance; 0 lets the OS pick.
    /// A port in use fails with an <see cref="IOException"/>.
    /// </param>
    public static async Task<LocalAlexaApi> StartAsync(int port, SampleRider? rider = null, CancellationToken cancellationToken = default)
    {
        var api = new LocalAlexaApi(rider ?? SampleRider.Default);
        (api._app, port) = await LoopbackServer.StartAsync(HttpProtocols.Http1, port, _ => { }, api.Map, cancellationToken);
        api.Endpoint = new Uri($"http://127.0.0.1:{port}/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            _requests.Enqueue($"{context.Request.Method} {path}");
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) ||
                !SimulatedApiToken.TryRead(authorization["Bearer ".Length..], out var userId, out var personId))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            var key = path.EndsWith(AddressPathSuffix, StringComparison.Ordinal) ? AddressPathSuffix : path;
            if (_statusOverrides.TryGetValue(key, out var status))
            {
                if (status == Stalled)
                {
                    // Held until the caller's timeout aborts the request.
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                    return;
                }

                context.Response.StatusCode = status;
                return;
            }

            if (ScopeOf(key) is { } scope && !Permissions.IsGranted(userId, IsPersonPath(key) ? personId : null, scope))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        // The Profile API answers a name as a JSON string ("Jane", quotes included).
        app.MapGet(GivenNamePath, () => Results.Json(Rider.GivenName));
        app.MapGet(PersonGivenNamePath, () => Results.Json(Rider.GivenName));
        app.MapGet(NamePath, () => Results.Json(Rider.FullName));
        app.MapGet(PersonNamePath, () => Results.Json(Rider.FullName));
        app.MapGet(MobileNumberPath, MobileNumber);
        app.MapGet(PersonMobileNumberPath, MobileNumber);
        app.MapGet("/v1/devices/{deviceId}/settings/address", () => Results.Json(new Dictionary<string, string?>
        {
            ["addressLine1"] = Rider.AddressLine1,
            ["addressLine2"] = null,
            ["addressLine3"] = null,
            ["city"] = Rider.City,
            ["stateOrRegion"] = Rider.StateOrRegion,
            ["districtOrCounty"] = null,
            ["postalCode"] = Rider.PostalCode,
            ["countryCode"] = "US",
        }));
    }

    private static string? ScopeOf(string path) => path switch
    {
        GivenNamePath or PersonGivenNamePath => Skill.Alexa.Read.PermissionScopes.GivenName,
        NamePath or PersonNamePath => Skill.Alexa.Read.PermissionScopes.FullName,
        MobileNumberPath or PersonMobileNumberPath => Skill.Alexa.Read.PermissionScopes.MobileNumber,
        AddressPathSuffix => Skill.Alexa.Read.PermissionScopes.FullAddress,
        _ => null,
    };

    private static bool IsPersonPath(string path) => path.StartsWith("/v2/persons/", StringComparison.Ordinal);

    private IResult MobileNumber() =>
        Results.Json(new Dictionary<string, string> { ["countryCode"] = Rider.CountryCode, ["phoneNumber"] = Rider.PhoneNumber });
}
