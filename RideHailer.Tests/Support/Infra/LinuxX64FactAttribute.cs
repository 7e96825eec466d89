using System.Runtime.InteropServices;

namespace RideHailer.Tests.Support.Infra;

/// <summary>
/// A fact that runs only where the pinned Bicep CLI package (Azure.Bicep.CommandLine.linux-x64)
/// can run, and is reported as skipped, with the reason, everywhere else.
/// </summary>
public sealed class LinuxX64FactAttribute : FactAttribute
{
    public LinuxX64FactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "The infra checks run the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, "
                + $"which needs Linux on x64; this machine is {RuntimeInformation.OSDescription} "
                + $"({RuntimeInformation.OSArchitecture}). CI runs them.";
        }
    }
}
