namespace RideHailer.Tests.Support.Docs;

/// <summary>How the doc tests treat a shell block (the annotation's first word).</summary>
public enum DocCheck
{
    /// <summary><c>runs</c>: run to the end, exit code 0.</summary>
    Runs,

    /// <summary><c>runs against URL</c>: run while each <c>serves URL</c> block of the same page is up.</summary>
    RunsAgainst,

    /// <summary><c>serves URL</c>: start in the background, wait until URL answers, run the page's <c>runs against URL</c> blocks, stop it.</summary>
    Serves,

    /// <summary><c>not-run: reason</c>: could run here, but is not run by the tests (too long, interactive, the suite itself).</summary>
    NotRun,

    /// <summary><c>offline-impossible: reason</c>: needs what a build machine has not got (Azure, an Amazon account, a tool, a tunnel).</summary>
    OfflineImpossible,
}
