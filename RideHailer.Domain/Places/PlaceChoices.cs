using System.Text;

namespace RideHailer.Domain.Places;

/// <summary>
/// Which of the places a search found the rider is offered, and which of them an answer names. A search answers
/// best first; the rider is asked to choose whenever places of the same confidence lie more than a kilometre apart,
/// even when one is much nearer the pickup (the rider may mean the far one). Places closer than that are one place.
/// </summary>
public static class PlaceChoices
{
    /// <summary>At most this many places are read to the rider.</summary>
    public const int MaxRead = 3;

    /// <summary>Places of the same confidence farther apart than this are different places to the rider.</summary>
    public const double DistinctKilometres = 1.0;

    /// <summary>
    /// The places to offer, best first: none when nothing was found, one for a clear match, two or three to choose
    /// from. Only the places of the best confidence found count; of places within a kilometre, the first stands for all.
    /// </summary>
    public static IReadOnlyList<Place> Among(IReadOnlyList<Place> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (found.Count == 0)
        {
            return [];
        }

        var best = found.Min(place => place.Confidence);
        var offered = new List<Place>(MaxRead);
        foreach (var place in found.Where(place => place.Confidence == best))
        {
            if (offered.TrueForAll(other => other.Location.KilometresTo(place.Location) > DistinctKilometres))
            {
                offered.Add(place);
            }

            if (offered.Count == MaxRead)
            {
                break;
            }
        }

        return offered;
    }

    /// <summary>
    /// The offered places <paramref name="said"/> names: by locality first ("the one in Everett"), then among those by
    /// the words that set a name apart ("Pine Street" beside "Broad Street"), then by whole name ("400 Broad Street"
    /// names every place of that name). One place is the rider's choice; more than one names several (ask again);
    /// none means the rider named something else.
    /// </summary>
    public static IReadOnlyList<Place> Named(IReadOnlyList<Place> offered, string? said)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var words = Words(said);
        if (words.Count == 0 || offered.Count == 0)
        {
            return [];
        }

        var byLocality = offered.Where(place => Names(words, place.City)).ToList();
        if (byLocality.Count == 1)
        {
            return byLocality;
        }

        var pool = byLocality.Count > 1 ? byLocality : offered;
        if (ByDistinctWords(pool, words) is { } distinct)
        {
            return [distinct];
        }

        var byName = pool.Where(place => Names(words, place.Name) || Names(words, place.SpokenName)).ToList();
        return byName.Count > 0 ? byName : byLocality;
    }

    /// <summary>The one place that more of the words only its name has were said for than for any other, if there is one.</summary>
    private static Place? ByDistinctWords(IReadOnlyList<Place> pool, HashSet<string> said)
    {
        var names = pool.Select(place => Words(place.Name)).ToList();
        var shared = names.Skip(1).Aggregate(new HashSet<string>(names[0]), (common, name) =>
        {
            common.IntersectWith(name);
            return common;
        });
        var scores = names.Select(name => name.Count(word => !shared.Contains(word) && said.Contains(word))).ToList();
        var best = scores.Max();
        return best > 0 && scores.Count(score => score == best) == 1 ? pool[scores.IndexOf(best)] : null;
    }

    /// <summary>Whether every word of <paramref name="name"/> was said.</summary>
    private static bool Names(HashSet<string> said, string? name) => Words(name) is { Count: > 0 } words && words.IsSubsetOf(said);

    /// <summary>The words of a text, lower-case, without punctuation: "St. Mary's" and "st marys" are the same words.</summary>
    private static HashSet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            return words;
        }

        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is not ('\'' or '\u2019') && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
