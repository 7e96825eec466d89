using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace RideHailer.Skill.Speech;

/// <summary>
/// The phrase tables the skill speaks, by locale: the <see cref="Shipped"/> ones and any registered. A locale no table
/// speaks is answered in en-US, and logged once per locale so a marketplace the skill is not ready for shows up.
/// </summary>
public sealed partial class PhraseBook
{
    /// <summary>The locale a request in any other locale is answered in.</summary>
    public const string FallbackLocale = "en-US";

    private readonly Dictionary<string, PhraseTable> _byLocale = new(StringComparer.OrdinalIgnoreCase);
    private readonly PhraseTable _fallback;
    private readonly HashSet<string> _unknownSeen = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger<PhraseBook> _logger;

    public PhraseBook(IEnumerable<PhraseTable> tables, ILogger<PhraseBook> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _logger = logger;
        // The shipped tables first: a table registered for a locale (a test's) speaks it instead.
        foreach (var table in Shipped.Concat(tables))
        {
            foreach (var locale in table.Locales)
            {
                _byLocale[locale] = table;
            }
        }

        _fallback = _byLocale.GetValueOrDefault(FallbackLocale)
            ?? throw new ArgumentException($"No phrase table speaks {FallbackLocale}.", nameof(tables));
    }

    /// <summary>Every table the skill ships: English for each English locale, and German.</summary>
    public static IReadOnlyList<PhraseTable> Shipped { get; } = [.. EnglishVariant.All.Select(variant => new EnglishPhrases(variant)), new GermanPhrases()];

    /// <summary>The locales some table speaks.</summary>
    public IReadOnlyCollection<string> Locales => _byLocale.Keys;

    /// <summary>The table for <paramref name="locale"/>, or the en-US table.</summary>
    public PhraseTable For(string? locale)
    {
        if (locale is not null && _byLocale.TryGetValue(locale, out var table))
        {
            return table;
        }

        if (locale is not null && LanguageTag().IsMatch(locale))
        {
            lock (_unknownSeen)
            {
                if (_unknownSeen.Count < 64 && _unknownSeen.Add(locale))
                {
                    Log.UnknownLocale(_logger, locale, FallbackLocale);
                }
            }
        }

        return _fallback;
    }

    /// <summary>A well-formed language tag: anything else from a request is not worth a log line.</summary>
    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "No phrase table speaks {Locale}; answering in {Fallback}")]
        public static partial void UnknownLocale(ILogger logger, string locale, string fallback);
    }
}
