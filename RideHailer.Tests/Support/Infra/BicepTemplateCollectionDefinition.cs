namespace RideHailer.Tests.Support.Infra;

[CollectionDefinition(Name)]
public sealed class BicepTemplateCollectionDefinition : ICollectionFixture<BicepTemplateFixture>
{
    public const string Name = "Bicep template";
}
