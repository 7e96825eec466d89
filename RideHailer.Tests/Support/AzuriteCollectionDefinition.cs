namespace RideHailer.Tests.Support;

/// <summary>Every suite that needs Azure Storage shares one Azurite process per test run.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollectionDefinition : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
