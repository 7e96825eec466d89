using System.Runtime.InteropServices;

namespace RideHailer.Tests.Support.Docs;

/// <summary>A theory that runs only on Linux x64 and is reported as skipped, with the reason, everywhere else.</summary>
public sealed class LinuxX64TheoryAttribute : TheoryAttribute
{
    public LinuxX64TheoryAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "The docs' commands are bash for Linux (run under setsid), and one runs the linux-x64 Bicep CLI; "
                + $"this machine is {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}). CI runs them.";
        }
    }
}
