using RideHailer.DevHost.Publishing;

namespace RideHailer.Tests.Support.SkillPackage;

/// <summary>The checked-in package rendered for a made-up deployment into a temporary folder, deleted on dispose.</summary>
internal sealed class RenderedSkillPackage : IDisposable
{
    public const string Endpoint = "https://func-ridehailer-t3st.azurewebsites.net/api/alexa";
    public const string PrivacyPolicy = "https://ride-hailer.test-publisher.net/privacy";
    public const string TermsOfUse = "https://ride-hailer.test-publisher.net/terms";

    /// <param name="flags">Option-value pairs, replacing the defaults' values or added to them.</param>
    public RenderedSkillPackage(SkillPackageSources? sources = null, params string[] flags)
    {
        Folder = Directory.CreateTempSubdirectory("ridehailer-package-").FullName;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--endpoint"] = Endpoint,
            ["--privacy-policy"] = PrivacyPolicy,
            ["--terms-of-use"] = TermsOfUse,
            ["--out"] = Folder,
        };
        for (var index = 0; index + 1 < flags.Length; index += 2)
        {
            values[flags[index]] = flags[index + 1];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        ExitCode = SkillPackageCommand.Run(
            [.. values.SelectMany(pair => new[] { pair.Key, pair.Value })],
            sources ?? CheckedIn,
            _ => null,
            output,
            error);
        Output = output.ToString();
        Error = error.ToString();
    }

    /// <summary>The repository's skill-package/, the one the build copies beside the DevHost.</summary>
    public static SkillPackageSources CheckedIn { get; } = new(SkillPackageFiles.FullPath("skill-package"));

    public string Folder { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string PathOf(string relativePath) => Path.Combine(Folder, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Folder, path).Replace('\\', '/'));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
