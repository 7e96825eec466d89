using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

public sealed class SessionOptionsTests
{
    [Theory]
    [InlineData("Session:Retention", "00:00:00")]
    [InlineData("Session:Retention", "-00:01:00")]
    [InlineData("Session:MaxWaitingTurns", "-1")]
    [InlineData("Session:MaxWaitingTurns", "100001")]
    public void ValueOutOfRange_FailsNamingTheSetting(string setting, string value)
    {
        var settings = SkillServices.DefaultSettings();
        settings[setting] = value;
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SessionOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_DefaultsToAnHour_AndThePurgeRunsEveryMinute()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings());

        Assert.Equal(TimeSpan.FromHours(1), host.Services.GetRequiredService<IOptions<SessionOptions>>().Value.Retention);
        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<FinishedSessionPurge>().Interval);
    }
}
