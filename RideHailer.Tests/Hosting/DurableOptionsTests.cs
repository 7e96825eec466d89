using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RideHailer.DevHost;
using RideHailer.Skill;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

/// <summary>The DevHost's Durable:* settings are checked when the host starts, like the Skill's.</summary>
public sealed class DurableOptionsTests
{
    [Theory]
    [InlineData("7", "", "Durable:Backend")]
    [InlineData("Cosmos", "", "Durable:Backend")]
    [InlineData("AzureStorage", "", "Durable:Storage")]
    [InlineData("AzureStorage", " ", "Durable:Storage")]
    public async Task BadDurableSetting_StopsTheHostNamingIt(string backend, string storage, string named)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = SkillServices.DefaultSettings();
        settings["Durable:Backend"] = backend;
        settings["Durable:Storage"] = storage;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRideHailerSkill(builder.Configuration).AddDurableBackend(builder.Configuration);
        using var host = builder.Build();

        // A value the binder cannot read fails as InvalidOperationException, one the validator refuses as OptionsValidationException.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
