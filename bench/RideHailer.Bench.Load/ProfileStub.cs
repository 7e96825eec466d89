using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RideHailer.Bench.Load;

/// <summary>
/// Alexa's Customer Profile API on a loopback port, for the sample rider the seed conversation plays: the
/// destination turn finds here that nothing is granted yet (403), the consent ACCEPTED turn reads the speaker's
/// given name and mobile number, on every host measured.
/// </summary>
internal sealed class ProfileStub : IAsyncDisposable
{
    /// <summary>The API token of a request that follows an accepted consent; any other token is refused (403).</summary>
    public const string GrantedToken = "api-access-token-bench-granted";

    private readonly WebApplication _app;

    private ProfileStub(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<ProfileStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var stub = new ProfileStub(builder.Build());
        stub.Map();
        await stub._app.StartAsync();
        var address = stub._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        stub.Endpoint = new Uri(address);
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            // Like Alexa: no bearer token, no profile.
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (authorization != "Bearer " + GrantedToken)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });

        // The Profile API answers a name as a JSON string, quotes included.
        const string GivenName = "\"Jane\"";
        const string Name = "\"Jane Doe\"";
        const string Mobile = """{"countryCode":"+1","phoneNumber":"2065550142"}""";
        MapJson("/v2/persons/~current/profile/givenName", GivenName);
        MapJson("/v2/accounts/~current/settings/Profile.givenName", GivenName);
        MapJson("/v2/persons/~current/profile/name", Name);
        MapJson("/v2/accounts/~current/settings/Profile.name", Name);
        MapJson("/v2/persons/~current/profile/mobileNumber", Mobile);
        MapJson("/v2/accounts/~current/settings/Profile.mobileNumber", Mobile);
    }

    private void MapJson(string path, string json) =>
        _app.MapGet(path, () => Results.Text(json, "application/json"));
}
