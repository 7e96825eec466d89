namespace RideHailer.DevHost.Publishing;

/// <summary>The package cannot be rendered as asked; the message says what to change.</summary>
internal sealed class SkillPackageRefusedException(string message) : Exception(message);
