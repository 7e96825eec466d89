namespace RideHailer.Tests.Support.Infra;

/// <summary>What one Bicep CLI command returned. Bicep prints its diagnostics (errors and warnings) on standard error.</summary>
internal sealed record BicepRun(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool HasNoDiagnostics => ExitCode == 0 && string.IsNullOrWhiteSpace(StandardError);

    public string Describe() => $"`bicep {Command}` exited with {ExitCode}:{Environment.NewLine}{StandardError}";
}
