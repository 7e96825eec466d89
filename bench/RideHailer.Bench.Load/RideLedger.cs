using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RideHailer.Bench.Load;

/// <summary>
/// The storage calls that belong to booked rides (--ride-cost), told apart by what each call names. A ride's
/// orchestration instance is <c>trip-</c> and its booking's key (<c>RideInstanceId</c>), and every call of the engine
/// on its behalf names that instance: its Instances row and history (in the URL, or in a <c>$batch</c> body), its queue
/// messages (their text, put or fetched). Also the ride's: a queue message's later delete or update (by the message id
/// a put or a get gave it), and, once the ride's instance has been seen, the bookings table's calls on its booking's
/// row (the progress its activity records; the booking itself is written before the ride starts). Calls that name no
/// ride (the engine's polling of empty queues, its leases, the purge's periodic query) are left out: they are the idle
/// bill, paid whether anyone rides or not. A fetch that brings messages of two rides counts for the first.
/// </summary>
internal sealed partial class RideLedger
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<StorageCallKind, long>> _rides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _messages = new(StringComparer.Ordinal);

    /// <summary>The booking keys of the rides seen so far.</summary>
    public IReadOnlyCollection<string> Rides => [.. _rides.Keys];

    /// <summary>The calls counted for the ride of <paramref name="bookingKey"/> so far.</summary>
    public StorageCalls Of(string bookingKey) =>
        new(_rides.TryGetValue(bookingKey, out var counts) ? counts.ToDictionary(pair => pair.Key, pair => pair.Value) : []);

    /// <summary>One call as the proxy passed it on: its kind, raw target, request body, and (queue puts and gets) the answer's body.</summary>
    public void Observe(StorageCallKind kind, string rawTarget, byte[] requestBody, byte[]? responseBody)
    {
        var target = Uri.UnescapeDataString(rawTarget);
        var request = requestBody.Length == 0 ? "" : Encoding.UTF8.GetString(requestBody);
        var ride = RideIn(target) ?? RideIn(request) ?? RideInMessages(request);
        if (ride is not null)
        {
            _rides.TryAdd(ride, new ConcurrentDictionary<StorageCallKind, long>());
        }
        else if (kind == StorageCallKind.BookingsTable)
        {
            ride = _rides.Keys.FirstOrDefault(key => target.Contains(key, StringComparison.Ordinal) || request.Contains(key, StringComparison.Ordinal));
        }
        else if (kind is StorageCallKind.QueueDelete or StorageCallKind.QueueUpdate)
        {
            ride = _messages.GetValueOrDefault(target.Split('?')[0].Split('/')[^1]);
        }

        if (responseBody is { Length: > 0 })
        {
            var answer = Encoding.UTF8.GetString(responseBody);
            if (kind == StorageCallKind.QueuePut && ride is not null)
            {
                // The message the put made: a later delete or update names it by this id.
                foreach (Match id in MessageId().Matches(answer))
                {
                    _messages[id.Groups[1].Value] = ride;
                }
            }
            else
            {
                foreach (Match message in FetchedMessage().Matches(answer))
                {
                    if (RideInText(message.Groups[2].Value) is { } fetched)
                    {
                        _messages[message.Groups[1].Value] = fetched;
                        ride ??= fetched;
                    }
                }
            }
        }

        if (ride is not null && _rides.TryGetValue(ride, out var counts))
        {
            counts.AddOrUpdate(kind, 1, (_, count) => count + 1);
        }
    }

    private static string? RideIn(string text) => RideInstance().Match(text) is { Success: true } match ? match.Groups[1].Value : null;

    private static string? RideInMessages(string body)
    {
        foreach (Match text in MessageText().Matches(body))
        {
            if (RideInText(text.Groups[1].Value) is { } ride)
            {
                return ride;
            }
        }

        return null;
    }

    /// <summary>A queue message's text, as sent or base64-encoded.</summary>
    private static string? RideInText(string text)
    {
        if (RideIn(text) is { } ride)
        {
            return ride;
        }

        var bytes = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var length) ? RideIn(Encoding.UTF8.GetString(bytes, 0, length)) : null;
    }

    /// <summary>A ride's instance id, "trip-" and the booking's key ("bk-" and 32 hex digits); the key is captured.</summary>
    [GeneratedRegex("trip-(bk-[0-9a-f]{32})", RegexOptions.CultureInvariant)]
    private static partial Regex RideInstance();

    [GeneratedRegex("<MessageText>(.*?)</MessageText>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageText();

    [GeneratedRegex("<MessageId>(.*?)</MessageId>", RegexOptions.CultureInvariant)]
    private static partial Regex MessageId();

    [GeneratedRegex("<MessageId>(.*?)</MessageId>.*?<MessageText>(.*?)</MessageText>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex FetchedMessage();
}
