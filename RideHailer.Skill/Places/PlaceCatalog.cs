using System.Diagnostics.CodeAnalysis;
using System.Text;
using RideHailer.Domain.Places;

namespace RideHailer.Skill.Places;

/// <summary>
/// The built-in place search, which needs no account: the places the skill knows, matched from what the rider said in
/// any language the catalog names them in. Matching ignores case, punctuation, spacing and a leading article (English
/// or German), so "The Sea-Tac airport." finds the airport and "der Flughafen Heathrow" finds Heathrow.
/// </summary>
public sealed class PlaceCatalog : IPlaceSearch
{
    private static readonly string[] LeadingFillers = ["the ", "a ", "an ", "der ", "die ", "das ", "den ", "dem "];

    private readonly Dictionary<string, Place> _byId;
    private readonly Dictionary<string, Place> _byKey;

    /// <summary>Builds a catalog; ids and every name or alias must be unique across places.</summary>
    public PlaceCatalog(IEnumerable<Place> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        All = [.. places];
        _byId = new Dictionary<string, Place>(StringComparer.Ordinal);
        _byKey = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in All)
        {
            if (!_byId.TryAdd(place.Id, place))
            {
                throw new ArgumentException($"Place id '{place.Id}' appears twice.", nameof(places));
            }

            foreach (var key in KeysOf(place).Distinct())
            {
                if (_byKey.TryGetValue(key, out var other) && other.Id != place.Id)
                {
                    throw new ArgumentException($"'{key}' names both '{other.Id}' and '{place.Id}'.", nameof(places));
                }

                _byKey[key] = place;
            }
        }
    }

    /// <summary>The built-in catalog: landmarks of Seattle, London, Toronto, Sydney, Mumbai and Berlin, and a few in other cities.</summary>
    public static PlaceCatalog Default { get; } = new(KnownPlaces.All);

    /// <summary>
    /// The main city of each marketplace with the places help names there as examples (the built-in catalog's), for
    /// <see cref="Domain.ConversationSettings.Markets"/>.
    /// </summary>
    public static IReadOnlyList<PlaceMarket> Markets => KnownPlaces.Markets;

    /// <summary>Every place, in catalog order.</summary>
    public IReadOnlyList<Place> All { get; }

    /// <summary>
    /// The place the interaction model resolved, else the one the rider's words name; none when neither is known. Every
    /// name and alias is unique across the catalog (so "the airport" is one airport, wherever the rider is), which keeps
    /// this to one place at most: the nearest-first order a search with several results owes is trivially kept.
    /// </summary>
    public Task<IReadOnlyList<Place>> FindAsync(PlaceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<Place> found = TryGet(query.PlaceId, out var place) || TryMatch(query.Said, out place) ? [place] : [];
        return Task.FromResult(found);
    }

    /// <summary>Finds a place by its stable id.</summary>
    public bool TryGet(string? id, [NotNullWhen(true)] out Place? place)
    {
        place = null;
        return id is not null && _byId.TryGetValue(id, out place);
    }

    /// <summary>Finds the place a rider named, by name, spoken name, short name, alias or id, in any language the catalog has.</summary>
    public bool TryMatch(string? text, [NotNullWhen(true)] out Place? place)
    {
        place = null;
        var key = Normalize(text);
        return key.Length > 0 && _byKey.TryGetValue(key, out place);
    }

    /// <summary>
    /// Lower-case letters and digits only, after dropping a leading article: spaces and punctuation
    /// carry no meaning in a spoken place name ("sea tac" = "seatac" = "Sea-Tac").
    /// </summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var words = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            words.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : c is '\'' or '\u2019' ? '\0' : ' ');
        }

        var spaced = string.Join(' ', words.ToString().Replace("\0", string.Empty, StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var filler in LeadingFillers)
        {
            if (spaced.StartsWith(filler, StringComparison.Ordinal))
            {
                spaced = spaced[filler.Length..];
                break;
            }
        }

        return spaced.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static IEnumerable<string> KeysOf(Place place) =>
        new[] { place.Id, place.Name, place.SpokenName, place.ShortName }
            .Concat(place.Aliases)
            .Concat(place.NamesByLanguage.Values.SelectMany(names => names.Aliases.Prepend(names.ShortName).Prepend(names.Name)))
            .Select(Normalize)
            .Where(key => key.Length > 0);
}
