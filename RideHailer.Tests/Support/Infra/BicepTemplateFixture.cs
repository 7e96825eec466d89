namespace RideHailer.Tests.Support.Infra;

/// <summary>
/// Builds and lints infra/main.bicep once for all infra tests. Lazy, so that where the tests are
/// skipped (not linux-x64) the CLI is never started.
/// </summary>
public sealed class BicepTemplateFixture
{
    private readonly Lazy<Task<(BicepRun Build, BicepRun Lint)>> _runs = new(RunAsync);

    internal async Task<BicepRun> BuildAsync() => (await _runs.Value).Build;

    internal async Task<BicepRun> LintAsync() => (await _runs.Value).Lint;

    internal async Task<CompiledTemplate> TemplateAsync()
    {
        var build = await BuildAsync();
        Assert.True(build.ExitCode == 0, build.Describe());
        return CompiledTemplate.Parse(build.StandardOutput);
    }

    private static async Task<(BicepRun Build, BicepRun Lint)> RunAsync()
    {
        var main = Path.Combine("infra", "main.bicep");
        var build = BicepCli.RunAsync("build", main, "--stdout");
        var lint = BicepCli.RunAsync("lint", main);
        return (await build, await lint);
    }
}
