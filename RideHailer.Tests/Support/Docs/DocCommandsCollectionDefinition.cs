namespace RideHailer.Tests.Support.Docs;

/// <summary>
/// The doc commands run one at a time, after every parallel test: they use fixed ports, and their Debug builds
/// would slow the timing-sensitive workflow tests on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DocCommandsCollectionDefinition
{
    public const string Name = "Doc commands";
}
