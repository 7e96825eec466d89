namespace RideHailer.Tests.Infra;

[CollectionDefinition(Name)]
public sealed class BicepTemplateCollectionDefinition : ICollectionFixture<BicepTemplateFixture>
{
    public const string Name = "Bicep template";
}
