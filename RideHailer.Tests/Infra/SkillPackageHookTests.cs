using System.Diagnostics;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Infra;

/// <summary>
/// azd's postprovision hook: after <c>azd provision</c> it renders the package for the environment's endpoint with its
/// <c>PRIVACY_POLICY_URL</c> and <c>TERMS_OF_USE_URL</c>. The script runs here with a stand-in <c>dotnet</c> on PATH that
/// records what it was asked to run, so the test needs neither azd nor a build.
/// </summary>
public sealed class SkillPackageHookTests
{
    private const string Script = "scripts/render-skill-package.sh";

    [Fact]
    public void AzureYaml_RunsTheScriptAfterProvisioning()
    {
        var azureYaml = File.ReadAllText(RepositoryDirectory.PathOf("azure.yaml"));

        Assert.Contains("hooks:\n  # ", azureYaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("  postprovision:\n    posix:\n      shell: sh\n      run: ./" + Script, azureYaml.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task Hook_WithTheUrls_RendersIntoTheEnvironmentsFolder()
    {
        var (exitCode, output, dotnetArgs) = await RunAsync(new()
        {
            ["AZURE_ENV_NAME"] = "ride-dev",
            ["ALEXA_SKILL_ENDPOINT"] = "https://func-ridehailer-abc.azurewebsites.net/api/alexa",
            ["PRIVACY_POLICY_URL"] = "https://rides.test-publisher.net/privacy",
            ["TERMS_OF_USE_URL"] = "https://rides.test-publisher.net/terms",
        });

        Assert.True(exitCode == 0, output);
        Assert.Equal(
            "run --project RideHailer.DevHost -c Release -- skill-package --endpoint https://func-ridehailer-abc.azurewebsites.net/api/alexa "
            + "--privacy-policy https://rides.test-publisher.net/privacy --terms-of-use https://rides.test-publisher.net/terms --out .azure/ride-dev/skill-package",
            dotnetArgs);
    }

    [LinuxX64Fact]
    public async Task Hook_WithAccountLinking_PassesTheProvider()
    {
        var (exitCode, output, dotnetArgs) = await RunAsync(new()
        {
            ["AZURE_ENV_NAME"] = "ride-dev",
            ["ALEXA_SKILL_ENDPOINT"] = "https://func-ridehailer-abc.azurewebsites.net/api/alexa",
            ["PRIVACY_POLICY_URL"] = "https://rides.test-publisher.net/privacy",
            ["TERMS_OF_USE_URL"] = "https://rides.test-publisher.net/terms",
            ["ACCOUNT_LINKING_AUTHORIZATION_URL"] = "https://id.test-publisher.net/authorize",
            ["ACCOUNT_LINKING_TOKEN_URL"] = "https://id.test-publisher.net/token",
            ["ACCOUNT_LINKING_CLIENT_ID"] = "client-1",
        });

        Assert.True(exitCode == 0, output);
        Assert.EndsWith(
            "--account-linking-authorization-url https://id.test-publisher.net/authorize --account-linking-token-url https://id.test-publisher.net/token "
            + "--account-linking-client-id client-1",
            dotnetArgs,
            StringComparison.Ordinal);
    }

    [LinuxX64Fact]
    public async Task Hook_WithoutTheUrls_SaysHowToSetThemAndDoesNotFailTheProvisioning()
    {
        var (exitCode, output, dotnetArgs) = await RunAsync(new()
        {
            ["AZURE_ENV_NAME"] = "ride-dev",
            ["ALEXA_SKILL_ENDPOINT"] = "https://func-ridehailer-abc.azurewebsites.net/api/alexa",
        });

        Assert.Equal(0, exitCode);
        Assert.Contains("azd env set PRIVACY_POLICY_URL", output, StringComparison.Ordinal);
        Assert.Contains("azd hooks run postprovision", output, StringComparison.Ordinal);
        Assert.Null(dotnetArgs);
    }

    private static async Task<(int ExitCode, string Output, string? DotnetArgs)> RunAsync(Dictionary<string, string> environment)
    {
        var bin = Directory.CreateTempSubdirectory("ridehailer-hook-").FullName;
        try
        {
            var record = Path.Combine(bin, "dotnet-args");
            var fakeDotnet = Path.Combine(bin, "dotnet");
            await File.WriteAllTextAsync(fakeDotnet, $"#!/bin/sh\necho \"$*\" > '{record}'\n");
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(fakeDotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var start = new ProcessStartInfo("sh", [RepositoryDirectory.PathOf(Script)])
            {
                WorkingDirectory = RepositoryDirectory.PathOf("."),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment.Clear();
            start.Environment["PATH"] = bin + ":/usr/bin:/bin";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error, File.Exists(record) ? (await File.ReadAllTextAsync(record)).Trim() : null);
        }
        finally
        {
            Directory.Delete(bin, recursive: true);
        }
    }
}
