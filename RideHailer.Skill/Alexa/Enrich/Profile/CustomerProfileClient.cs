using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

/// <summary>
/// Reads the rider's name, mobile number and device address from Alexa's Customer Profile and Device
/// Address APIs. A 403 means the scope is not granted; 5xx, 429 and timeouts mean the API is unreachable (an outage,
/// not a refusal); anything else that fails means "not known now".
/// </summary>
public sealed partial class CustomerProfileClient(HttpClient http, ILogger<CustomerProfileClient> logger)
{
    public Task<ProfileRead<string>> GetGivenNameAsync(AlexaApi api, bool person, CancellationToken cancellationToken) =>
        GetAsync(api, Fixed(person ? "v2/persons/~current/profile/givenName" : "v2/accounts/~current/settings/Profile.givenName"),
            ProfileJsonContext.Default.String, cancellationToken);

    public Task<ProfileRead<string>> GetNameAsync(AlexaApi api, bool person, CancellationToken cancellationToken) =>
        GetAsync(api, Fixed(person ? "v2/persons/~current/profile/name" : "v2/accounts/~current/settings/Profile.name"),
            ProfileJsonContext.Default.String, cancellationToken);

    public Task<ProfileRead<ProfilePhone>> GetMobileNumberAsync(AlexaApi api, bool person, CancellationToken cancellationToken) =>
        GetAsync(api, Fixed(person ? "v2/persons/~current/profile/mobileNumber" : "v2/accounts/~current/settings/Profile.mobileNumber"),
            ProfileJsonContext.Default.ProfilePhone, cancellationToken);

    public Task<ProfileRead<DeviceAddress>> GetAddressAsync(AlexaApi api, string deviceId, CancellationToken cancellationToken) =>
        GetAsync(api, (AddressPathTemplate, AddressPathTemplate.Replace("{deviceId}", Uri.EscapeDataString(deviceId), StringComparison.Ordinal)),
            ProfileJsonContext.Default.DeviceAddress, cancellationToken);

    // The device id is an identifier of the rider's device: only the template is ever logged.
    private const string AddressPathTemplate = "v1/devices/{deviceId}/settings/address";

    private static (string Template, string Path) Fixed(string path) => (path, path);

    /// <param name="path">What is logged (<c>Template</c>, nothing identifying) and what is called (<c>Path</c>).</param>
    private async Task<ProfileRead<T>> GetAsync<T>(AlexaApi api, (string Template, string Path) path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(api);
        // Timeouts, the retry and the circuit breaker are the client's resilience pipeline (AddCustomerProfileClient).
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api.Endpoint, path.Path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.AccessToken);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                return new(ProfileReadStatus.Refused, null);
            }

            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken);
                return new(value is null ? ProfileReadStatus.Unavailable : ProfileReadStatus.Read, value);
            }

            Log.ProfileReadFailed(logger, path.Template, (int)response.StatusCode);
            return new(IsOutage(response.StatusCode) ? ProfileReadStatus.Unreachable : ProfileReadStatus.Unavailable, null);
        }
        catch (JsonException exception)
        {
            Log.ProfileReadError(logger, path.Template, exception.GetType().Name);
            return new(ProfileReadStatus.Unavailable, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException ||
                                           (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.ProfileReadError(logger, path.Template, exception.GetType().Name);
            return new(ProfileReadStatus.Unreachable, null);
        }
    }

    private static bool IsOutage(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static partial class Log
    {
        [LoggerMessage(EventId = 84, Level = LogLevel.Warning, Message = "Alexa API {Path} answered {StatusCode}")]
        public static partial void ProfileReadFailed(ILogger logger, string path, int statusCode);

        [LoggerMessage(EventId = 85, Level = LogLevel.Warning, Message = "Alexa API {Path} failed: {Error}")]
        public static partial void ProfileReadError(ILogger logger, string path, string error);
    }
}
