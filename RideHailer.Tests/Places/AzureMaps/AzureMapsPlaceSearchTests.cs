using System.Diagnostics;
using System.Net;
using Azure.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using RideHailer.Domain.Places;
using RideHailer.Skill;
using RideHailer.Skill.Places;
using RideHailer.Skill.Places.AzureMaps;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Places.AzureMaps;

/// <summary>
/// The Azure Maps place search, registered as the skill registers it (typed client, resilience pipeline), against a
/// local HTTP server that answers as Get Geocoding does: Microsoft's documented example bodies (<see cref="GeocodingExamples"/>),
/// nothing, throttling, an outage and silence. The request must be exactly the free-form form of the API.
/// </summary>
public sealed class AzureMapsPlaceSearchTests : IAsyncLifetime
{
    private const string Key = "fake-maps-key-0123456789abcdef";
    private const string ClientId = "6f3b2c1d-8e4a-4b7c-9d2e-1a5f0c3b7e9d";
    private static readonly GeoPoint Pickup = new(47.6062, -122.3321);

    private readonly List<Seen> _requests = [];
    private Func<HttpContext, Task> _answer = context => Json(context, 200, GeocodingExamples.Nothing);
    private WebApplication _server = null!;
    private Uri _endpoint = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.Run(async context =>
        {
            lock (_requests)
            {
                _requests.Add(new Seen(
                    context.Request.Method,
                    context.Features.Get<IHttpRequestFeature>()!.RawTarget,
                    context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            }

            await _answer(context);
        });
        await _server.StartAsync();
        _endpoint = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Request_IsTheFreeFormGetGeocodingBiasedToThePickup_WithTheKeyInItsHeader()
    {
        await using var provider = Services(key: Key);

        await Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default);

        var request = Assert.Single(_requests);
        Assert.Equal("GET", request.Method);
        // Nothing but the documented parameters: the version, the rider's words, the pickup as longitude,latitude, top.
        Assert.Equal("/geocode?api-version=2026-01-01&query=400%20Broad%20Street&coordinates=-122.3321,47.6062&top=5", request.Target);
        Assert.Equal(Key, request.Headers["subscription-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.False(request.Headers.ContainsKey("x-ms-client-id"));
        Assert.DoesNotContain(Key, request.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithoutAPickupPoint_IsNotBiased()
    {
        await using var provider = Services(key: Key);

        await Search(provider).FindAsync(new PlaceQuery("Space Needle", "space-needle", null), default);

        Assert.Equal("/geocode?api-version=2026-01-01&query=Space%20Needle&top=5", Assert.Single(_requests).Target);
    }

    [Fact]
    public async Task Request_WithAClientId_SendsItAndABearerTokenOfTheAppsIdentity_FetchedOnce()
    {
        var credential = new FakeCredential();
        await using var provider = Services(clientId: ClientId, credential: credential);
        var search = Search(provider);

        await search.FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default);
        await search.FindAsync(new PlaceQuery("Pike Place Market", null, Pickup), default);

        Assert.Equal(2, _requests.Count);
        Assert.All(_requests, request =>
        {
            Assert.Equal(ClientId, request.Headers["x-ms-client-id"]);
            Assert.Equal("Bearer token-1", request.Headers["Authorization"]);
            Assert.False(request.Headers.ContainsKey("subscription-key"));
        });
        Assert.Equal([AzureMapsToken.Scope], Assert.Single(credential.Requested));
    }

    [Fact]
    public async Task Request_QueryIsEscaped_AndCoordinatesUseAPointWhateverTheRiderSaid()
    {
        await using var provider = Services(key: Key);

        await Search(provider).FindAsync(new PlaceQuery("  Café & Bar #1 ?x=y  ", null, new GeoPoint(-33.8688, 151.2093)), default);

        Assert.Equal(
            "/geocode?api-version=2026-01-01&query=Caf%C3%A9%20%26%20Bar%20%231%20%3Fx%3Dy&coordinates=151.2093,-33.8688&top=5",
            Assert.Single(_requests).Target);
    }

    [Fact]
    public async Task OneMatch_IsOnePlaceNamedByItsAddressLine_InItsLocality()
    {
        _answer = context => Json(context, 200, GeocodingExamples.OneAddress);
        await using var provider = Services(key: Key);

        var found = await Search(provider).FindAsync(new PlaceQuery("15127 NE 24th Street Redmond WA", null, Pickup), default);

        var place = Assert.Single(found);
        Assert.Equal("15127 NE 24th St", place.Name);
        Assert.Equal("15127 NE 24th St", place.SpokenName);
        Assert.Equal("Redmond", place.City);
        // GeoJSON is [longitude, latitude].
        Assert.Equal(new GeoPoint(47.630358, -122.138681), place.Location);
        Assert.Equal(PlaceConfidence.High, place.Confidence);
        Assert.Matches("^am-[0-9a-f]{20}$", place.Id);
        Assert.Empty(place.Aliases);
    }

    [Fact]
    public async Task SameFeature_HasTheSameIdEveryTime()
    {
        _answer = context => Json(context, 200, GeocodingExamples.OneAddress);
        await using var provider = Services(key: Key);
        var search = Search(provider);

        var first = Assert.Single(await search.FindAsync(new PlaceQuery("15127 NE 24th Street", null, Pickup), default));
        var again = Assert.Single(await search.FindAsync(new PlaceQuery("15127 NE 24th St, Redmond", null, null), default));

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task SeveralMatches_AreEachPlaceNamedByItsName_InOrder_WithDistinctIds()
    {
        _answer = context => Json(context, 200, GeocodingExamples.TwoLandmarks);
        await using var provider = Services(key: Key);

        var found = await Search(provider).FindAsync(new PlaceQuery("empire state building", null, Pickup), default);

        Assert.Equal(2, found.Count);
        Assert.All(found, place =>
        {
            Assert.Equal("Empire State Building", place.Name);
            Assert.Equal("Empire State Building", place.SpokenName);
            Assert.Equal(PlaceConfidence.High, place.Confidence);
        });
        Assert.Equal(["New York", "Manhattan"], found.Select(place => place.City));
        Assert.Equal(new GeoPoint(40.748435974121094, -73.98580932617188), found[0].Location);
        Assert.Equal(new GeoPoint(40.74815368652344, -73.98500061035156), found[1].Location);
        Assert.NotEqual(found[0].Id, found[1].Id);
    }

    [Theory]
    [InlineData("Medium", PlaceConfidence.Medium)]
    [InlineData("Low", PlaceConfidence.Low)]
    [InlineData("high", PlaceConfidence.High)]
    [InlineData("Unheard-of", PlaceConfidence.Low)]
    public async Task Confidence_IsAzureMapsGrade(string grade, PlaceConfidence confidence)
    {
        var body = GeocodingExamples.OneAddress.Replace("\"confidence\": \"High\"", $"\"confidence\": \"{grade}\"", StringComparison.Ordinal);
        _answer = context => Json(context, 200, body);
        await using var provider = Services(key: Key);

        var place = Assert.Single(await Search(provider).FindAsync(new PlaceQuery("15127 NE 24th Street", null, Pickup), default));

        Assert.Equal(confidence, place.Confidence);
    }

    [Fact]
    public async Task MoreThanFiveFeatures_AreCutToFive()
    {
        var feature = GeocodingExamples.OneAddress[(GeocodingExamples.OneAddress.IndexOf("{\n      \"type\": \"Feature\"", StringComparison.Ordinal))..];
        feature = feature[..(feature.LastIndexOf(']'))].TrimEnd();
        var features = Enumerable.Range(0, 7).Select(index => feature.Replace("-122.138681", $"-122.13{index}", StringComparison.Ordinal));
        _answer = context => Json(context, 200, $$"""{ "type": "FeatureCollection", "features": [{{string.Join(",", features)}}] }""");
        await using var provider = Services(key: Key);

        var found = await Search(provider).FindAsync(new PlaceQuery("NE 24th St", null, Pickup), default);

        Assert.Equal(AzureMapsPlaceSearch.MaxResults, found.Count);
        Assert.Equal(5, found.Select(place => place.Id).Distinct().Count());
    }

    [Fact]
    public async Task Nothing_IsAnEmptyList()
    {
        _answer = context => Json(context, 200, GeocodingExamples.Nothing);
        await using var provider = Services(key: Key);

        var found = await Search(provider).FindAsync(new PlaceQuery("400 Bord Street", null, Pickup), default);

        Assert.Empty(found);
        Assert.Single(_requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NothingSaid_IsAnEmptyListWithoutACall(string? said)
    {
        await using var provider = Services(key: Key);

        Assert.Empty(await Search(provider).FindAsync(new PlaceQuery(said, null, Pickup), default));
        Assert.Empty(_requests);
    }

    [Fact]
    public async Task Throttled_IsRetriedOnceThenThrows()
    {
        _answer = context => Json(context, 429, GeocodingExamples.Error("TooManyRequests", "Rate limit is exceeded."));
        await using var provider = Services(key: Key);

        var failure = await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));

        Assert.Contains("429", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task ServerError_IsRetriedOnceThenThrows_WithoutWhatTheRiderSaid()
    {
        _answer = context => Json(context, 500, GeocodingExamples.Error("InternalServerError", "400 Broad Street failed"));
        await using var provider = Services(key: Key);

        var failure = await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));

        Assert.Equal("Azure Maps Get Geocoding answered 500 InternalServerError (InternalServerError).", failure.Message);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task ServerErrorThenOk_IsRetriedAndRead()
    {
        var calls = 0;
        _answer = context => Interlocked.Increment(ref calls) == 1
            ? Json(context, 503, GeocodingExamples.Error("ServiceUnavailable", "Try again."))
            : Json(context, 200, GeocodingExamples.OneAddress);
        await using var provider = Services(key: Key);

        var found = await Search(provider).FindAsync(new PlaceQuery("15127 NE 24th Street", null, Pickup), default);

        Assert.Single(found);
        Assert.Equal(2, _requests.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(400)]
    public async Task Refused_IsNotRetriedAndThrows(int status)
    {
        _answer = context => Json(context, status, GeocodingExamples.Error("Unauthorized", "No."));
        await using var provider = Services(key: Key);

        await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));

        Assert.Single(_requests);
    }

    [Fact]
    public async Task Silence_IsGivenUpOnWithinTheTurnBudget_WithoutTheCallerCancelling()
    {
        _answer = async context =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        await using var provider = Services(key: Key);
        var clock = Stopwatch.StartNew();

        // No cancellation from the caller: only the pipeline's timeouts can end this search.
        await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), CancellationToken.None));

        Assert.InRange(clock.Elapsed, AzureMapsPlaceSearch.AttemptTimeout, AzureMapsPlaceSearch.ClientTimeout + TimeSpan.FromSeconds(1));
        // The retry is sent just before the total timeout gives up on it, so the server may see it after the search has
        // thrown (CI saw one request at that moment once): wait for it to arrive, never for a third.
        await Signal.UntilAsync(() => RequestCount() == 2, "the retry's request reached the server");
        Assert.Equal(2, RequestCount());
    }

    private int RequestCount()
    {
        lock (_requests)
        {
            return _requests.Count;
        }
    }

    [Theory]
    [InlineData("<html><body>Gateway</body></html>")]
    [InlineData("""{ "type": "Feature", "features": [] }""")]
    [InlineData("""{ "type": "FeatureCollection" }""")]
    [InlineData("""{ "type": "FeatureCollection", "features": [ { "geometry": { "coordinates": "-122, 47" } } ] }""")]
    [InlineData("")]
    public async Task UnreadableAnswer_Throws(string body)
    {
        _answer = context => Json(context, 200, body);
        await using var provider = Services(key: Key);

        await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));
    }

    [Fact]
    public async Task FeatureWithoutAPointOrAName_IsSkipped()
    {
        _answer = context => Json(context, 200, """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "properties": { "address": { "formattedAddress": "Nowhere" } } },
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [ 200, 47 ] }, "properties": { "address": { "formattedAddress": "Off the map" } } },
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [ -122.3, 47.6 ] }, "properties": { } },
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [ -122.3493, 47.6205 ] },
                "properties": { "type": "LandmarkBuilding", "confidence": "High", "address": { "formattedAddress": "Space Needle, WA", "addressLine": "400 Broad St", "locality": "Seattle" } } }
            ] }
            """);
        await using var provider = Services(key: Key);

        var place = Assert.Single(await Search(provider).FindAsync(new PlaceQuery("space needle", null, Pickup), default));

        // A landmark is named by its name, not by its address line.
        Assert.Equal("Space Needle", place.Name);
        Assert.Equal("Seattle", place.City);
    }

    [Fact]
    public async Task TokenThatCannotBeHad_Throws()
    {
        await using var provider = Services(clientId: ClientId, credential: new FakeCredential(fails: true));

        await Assert.ThrowsAsync<PlaceSearchUnavailableException>(
            () => Search(provider).FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));

        Assert.Empty(_requests);
    }

    [Fact]
    public async Task NeitherTheKeyNorWhatTheRiderSaidNorThePickup_IsLogged()
    {
        var calls = 0;
        _answer = context => Interlocked.Increment(ref calls) == 1
            ? Json(context, 200, GeocodingExamples.OneAddress)
            : Json(context, 500, GeocodingExamples.Error("InternalServerError", "Boom."));
        await using var provider = Services(key: Key);
        var search = Search(provider);

        await search.FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default);
        await Assert.ThrowsAsync<PlaceSearchUnavailableException>(() => search.FindAsync(new PlaceQuery("400 Broad Street", null, Pickup), default));

        var logs = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        Assert.Contains(logs, log => log.Message.Contains("500", StringComparison.Ordinal));
        Assert.All(logs, log =>
        {
            var text = log.Message + string.Join(",", log.StructuredState ?? []);
            Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Broad", text, StringComparison.Ordinal);
            Assert.DoesNotContain("47.6062", text, StringComparison.Ordinal);
        });
    }

    private static IPlaceSearch Search(IServiceProvider provider) => provider.GetRequiredService<IPlaceSearch>();

    private ServiceProvider Services(string? key = null, string? clientId = null, FakeCredential? credential = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging(options => options.CollectRecordsForDisabledLogLevels = false);
        services.AddOptions<PlacesOptions>().Configure(options =>
        {
            options.Kind = PlacesKind.AzureMaps;
            options.Endpoint = _endpoint.ToString();
            options.SubscriptionKey = key;
            options.ClientId = clientId;
        });
        if (credential is not null)
        {
            services.AddSingleton(new AzureMapsToken(credential, TimeProvider.System));
        }

        services.AddPlaceSearch();
        return services.BuildServiceProvider(validateScopes: true);
    }

    private static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/geo+json";
        return context.Response.WriteAsync(body);
    }

    private sealed record Seen(string Method, string Target, Dictionary<string, string> Headers);

    /// <summary>A token source in place of the app's managed identity: counts what is asked of it.</summary>
    private sealed class FakeCredential(bool fails = false) : TokenCredential
    {
        public List<string[]> Requested { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Requested)
            {
                Requested.Add(requestContext.Scopes);
                if (fails)
                {
                    throw new Azure.Identity.CredentialUnavailableException("No managed identity here.");
                }

                return ValueTask.FromResult(new AccessToken($"token-{Requested.Count}", DateTimeOffset.UtcNow.AddHours(1)));
            }
        }
    }
}
