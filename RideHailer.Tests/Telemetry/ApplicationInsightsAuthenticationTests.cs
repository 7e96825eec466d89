using Azure.Identity;
using RideHailer.Skill.Telemetry;
using RideHailer.Tests.Support.Infra;

namespace RideHailer.Tests.Telemetry;

public sealed class ApplicationInsightsAuthenticationTests
{
    [Theory]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001;Authorization=AAD", "00000000-0000-0000-0000-000000000001")]
    [InlineData("Authorization=aad; ClientId = abc ", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData("Authorization=AAD;ClientId=", null)]
    public void EntraSetting_NamesTheIdentity(string setting, string? clientId)
    {
        var authentication = ApplicationInsightsAuthentication.Parse(setting);

        Assert.NotNull(authentication);
        Assert.Equal(clientId, authentication.ClientId);
        Assert.IsType<ManagedIdentityCredential>(authentication.CreateCredential());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=abc")]
    [InlineData("Authorization=None;ClientId=abc")]
    public void NoEntraSetting_MeansNoCredential(string? setting) => Assert.Null(ApplicationInsightsAuthentication.Parse(setting));

    [Fact]
    public void TheTemplatesSetting_IsRead()
    {
        // infra/app/function-app.bicep: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        var template = File.ReadAllText(RepositoryDirectory.PathOf("infra", "app", "function-app.bicep"));

        Assert.Contains($"{ApplicationInsightsAuthentication.SettingName}: 'ClientId=${{identity.properties.clientId}};Authorization=AAD'", template, StringComparison.Ordinal);
    }
}
