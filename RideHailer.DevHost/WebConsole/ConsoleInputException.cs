namespace RideHailer.DevHost.WebConsole;

/// <summary>What the page asked cannot be done (nothing to answer, an unknown outcome); the API answers 400 with the reason.</summary>
internal sealed class ConsoleInputException(string reason) : Exception(reason);
