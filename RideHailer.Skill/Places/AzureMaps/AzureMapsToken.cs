using Azure.Core;

namespace RideHailer.Skill.Places.AzureMaps;

/// <summary>
/// The bearer token the Azure Maps search sends with <c>x-ms-client-id</c>: Microsoft Entra ID, scope
/// <c>https://atlas.microsoft.com/.default</c>, from the app's identity. Kept until shortly before it expires, so a turn
/// pays for a token only about once an hour; concurrent turns share one fetch.
/// </summary>
public sealed class AzureMapsToken(TokenCredential credential, TimeProvider time) : IDisposable
{
    /// <summary>The scope Azure Maps' data plane accepts tokens for.</summary>
    public const string Scope = "https://atlas.microsoft.com/.default";

    /// <summary>How long one token fetch may take inside a turn; the managed identity endpoint answers well within it.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>A token is renewed this long before it expires when the credential gives no refresh time of its own.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    /// <summary>A valid token, fetched when there is none or it is due for renewal.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } fetched)
            {
                return fetched;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(FetchTimeout);
            var fresh = await credential.GetTokenAsync(new TokenRequestContext([Scope]), timeout.Token);
            _token = fresh;
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() =>
        _token is { } token && time.GetUtcNow() < (token.RefreshOn ?? token.ExpiresOn - RenewBefore) ? token.Token : null;
}
