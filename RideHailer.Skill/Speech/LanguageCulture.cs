using System.Globalization;

namespace RideHailer.Skill.Speech;

/// <summary>
/// A culture that only names its language, for Humanizer's number words. Globalization is invariant in this
/// repository (Directory.Build.props), so <c>CultureInfo.GetCultureInfo("de-DE")</c> throws; Humanizer picks its
/// number-to-words converter by the culture's <see cref="Name"/> ("de") before anything else, and needs no culture
/// data for that. Everything else about this culture is the invariant one.
/// </summary>
internal sealed class LanguageCulture(string name) : CultureInfo(string.Empty)
{
    /// <inheritdoc/>
    public override string Name { get; } = name;
}
