using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

public sealed class SessionOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    public void RetentionNotAboveZero_FailsNamingTheSetting(string retention)
    {
        var settings = SkillServices.DefaultSettings();
        settings["Session:Retention"] = retention;
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SessionOptions>>().Value);

        Assert.Contains("Session:Retention", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("100001")]
    public void WaitingTurnsOutOfRange_FailsNamingTheSetting(string waiting)
    {
        var settings = SkillServices.DefaultSettings();
        settings["Session:MaxWaitingTurns"] = waiting;
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SessionOptions>>().Value);

        Assert.Contains("Session:MaxWaitingTurns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retention_DefaultsToAnHour_AndThePurgeRunsEveryMinute()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings());

        Assert.Equal(TimeSpan.FromHours(1), host.Services.GetRequiredService<IOptions<SessionOptions>>().Value.Retention);
        Assert.Equal(TimeSpan.FromMinutes(1), host.Services.GetRequiredService<FinishedSessionPurge>().Interval);
    }
}
