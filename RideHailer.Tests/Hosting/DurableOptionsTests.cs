using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RideHailer.DevHost;
using RideHailer.Skill;
using RideHailer.Skill.Workflow;
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

    [Theory]
    [InlineData("7")]
    [InlineData("Sometimes")]
    public async Task BadReplyWait_StopsTheHostNamingIt(string wait)
    {
        using var host = HostWith(wait);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Durable:ReplyWait", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Polling", typeof(PollingOnly))]
    [InlineData("polling", typeof(PollingOnly))]
    [InlineData("Signal", typeof(CommittedStateSignal))]
    [InlineData(null, typeof(CommittedStateSignal))]
    public void ReplyWait_ChoosesHowARequestWaits(string? wait, Type expected)
    {
        using var host = HostWith(wait);

        Assert.IsType(expected, host.Services.GetRequiredService<ISessionSignal>());
    }

    private static IHost HostWith(string? replyWait)
    {
        var builder = Host.CreateApplicationBuilder();
        var settings = SkillServices.DefaultSettings();
        settings["Durable:ReplyWait"] = replyWait;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddRideHailerSkill(builder.Configuration).AddDurableBackend(builder.Configuration);
        return builder.Build();
    }
}
