using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>
/// Keeps each downloaded chain until its earliest certificate expires, so a request costs no download.
/// Callers asking for the same URL at once share one download. A chain that could not be had is remembered for
/// <see cref="FailedChainRetention"/>: every forged request naming a bad URL would otherwise cost a download.
/// </summary>
internal sealed class CachingCertificateChainSource(ICertificateChainSource inner, TimeProvider timeProvider)
    : ICertificateChainSource
{
    /// <summary>
    /// An already expired chain (an old file still in Amazon's bucket) is kept this long anyway: it is rejected
    /// on every use, and caching it stops each such request from causing a download.
    /// </summary>
    internal static readonly TimeSpan ExpiredChainRetention = TimeSpan.FromHours(1);

    /// <summary>How long a URL whose chain could not be downloaded or read is refused without another download.</summary>
    internal static readonly TimeSpan FailedChainRetention = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lazy<Task<CachedChain>>> _entries = new(StringComparer.Ordinal);

    public async Task<X509Certificate2Collection> GetAsync(Uri url, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = url.AbsoluteUri;
        while (true)
        {
            var entry = _entries.GetOrAdd(key, StartDownload, url);
            var cached = await entry.Value.WaitAsync(ct);
            if (timeProvider.GetUtcNow() < cached.ExpiresAt)
            {
                // A new exception per caller: one instance thrown on many threads would mix their stack traces.
                return cached.Certificates ?? throw new CertificateChainUnavailableException(cached.Failure!);
            }

            // Only this entry: another caller may already have stored a fresh one.
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    private Lazy<Task<CachedChain>> StartDownload(string key, Uri url)
    {
        Lazy<Task<CachedChain>>? entry = null;
        entry = new Lazy<Task<CachedChain>>(() => DownloadAsync(key, url, entry!));
        return entry;
    }

    private async Task<CachedChain> DownloadAsync(string key, Uri url, Lazy<Task<CachedChain>> entry)
    {
        try
        {
            // Not the caller's token: the download is shared, and one caller giving up must not fail the others.
            // The inner source bounds it with its own timeout.
            var certificates = await inner.GetAsync(url, CancellationToken.None);
            return new CachedChain(certificates, null, ExpiresAt(certificates));
        }
        catch (CertificateChainUnavailableException unavailable)
        {
            return new CachedChain(null, unavailable.Message, timeProvider.GetUtcNow() + FailedChainRetention);
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private DateTimeOffset ExpiresAt(X509Certificate2Collection certificates)
    {
        var earliestNotAfter = certificates.Min(c => new DateTimeOffset(c.NotAfter.ToUniversalTime()));
        var now = timeProvider.GetUtcNow();
        return earliestNotAfter > now ? earliestNotAfter : now + ExpiredChainRetention;
    }

    /// <summary>A chain, or why there is none (<paramref name="Failure"/>), until <paramref name="ExpiresAt"/>.</summary>
    private sealed record CachedChain(X509Certificate2Collection? Certificates, string? Failure, DateTimeOffset ExpiresAt);
}
