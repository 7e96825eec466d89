namespace RideHailer.DevHost.Publishing;

/// <summary>
/// <c>dotnet run --project RideHailer.DevHost -- skill-package --endpoint … --privacy-policy … --terms-of-use … --out …</c>:
/// renders the ASK CLI project for one deployment (<see cref="SkillPackageRenderer"/>) and says what to run next.
/// Nothing is served; the verb works from the build output too, since the package sources ship beside the assembly.
/// </summary>
internal static class SkillPackageCommand
{
    public const string Verb = "skill-package";

    /// <summary>The process's exit code: 0 when written, 1 when the inputs or the checked-in package were refused.</summary>
    public static int Run(
        IReadOnlyList<string> flags, SkillPackageSources sources, Func<string, string?> environment, TextWriter output, TextWriter error, int helpWidth = HelpWidth.Piped)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var inputs = SkillPackageCommandLine.Parse(flags, environment, output, error, out var exitCode, helpWidth);
        if (inputs is null)
        {
            return exitCode;
        }

        IReadOnlyList<string> written;
        try
        {
            written = SkillPackageRenderer.Render(sources, inputs);
        }
        catch (SkillPackageRefusedException refused)
        {
            error.WriteLine(refused.Message);
            return 1;
        }

        output.WriteLine($"Wrote the skill package for {inputs.Endpoint.OriginalString} to {inputs.Output}:");
        foreach (var file in written)
        {
            output.WriteLine($"  {file}");
        }

        output.WriteLine();
        output.WriteLine($"Next: cd {inputs.Output} && ask deploy   (docs/publishing.md)");
        if (inputs.AccountLinking is { } linking)
        {
            output.WriteLine($"Then: ask smapi update-account-linking-info -s <skill-id> --account-linking-request \"file:{SkillPackageRenderer.AccountLinkingFile}\"");
            if (linking.ClientSecret is null)
            {
                output.WriteLine(
                    $"Note: {SkillPackageRenderer.AccountLinkingFile} has no clientSecret ({SkillPackageCommandLine.ClientSecretVariable} was not set); "
                    + "set it and render again, or enter the secret in the developer console.");
            }
        }

        return 0;
    }
}
