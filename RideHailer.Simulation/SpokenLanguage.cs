namespace RideHailer.Simulation;

/// <summary>Which language Alexa speaks in a session: German for a German locale ("de-DE"), English for any other.</summary>
internal static class SpokenLanguage
{
    public static bool IsGerman(string? locale) => locale?.StartsWith("de", StringComparison.OrdinalIgnoreCase) == true;
}
