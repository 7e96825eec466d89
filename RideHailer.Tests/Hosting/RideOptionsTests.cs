using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RideHailer.Skill.RideEvents;
using RideHailer.Skill.Workflow;
using RideHailer.Tests.Support;

namespace RideHailer.Tests.Hosting;

public sealed class RideOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    [InlineData("7.00:00:00")]
    public void RetentionNotAboveZeroOrLongerThanADurableTimer_FailsNamingTheSetting(string retention)
    {
        var settings = SkillServices.DefaultSettings();
        settings["Ride:Retention"] = retention;
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RideOptions>>().Value);

        Assert.Contains("Ride:Retention", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ride:StatusCheckInterval", "00:00:00")]
    [InlineData("Ride:StatusCheckInterval", "-00:00:01")]
    [InlineData("Ride:StatusCheckInterval", "7.00:00:00")]
    [InlineData("Ride:MaxLifetime", "00:00:00")]
    [InlineData("Ride:MaxLifetime", "-1.00:00:00")]
    [InlineData("Ride:MaxLifetime", "31.00:00:00")]
    public void StatusCheckOrLifetimeOutOfRange_FailsNamingTheSettingAndAnExample(string setting, string value)
    {
        var settings = SkillServices.DefaultSettings();
        settings[setting] = value;
        using var host = SkillServices.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RideOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Contains("e.g.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ride:Retention", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProviderRides_AreAskedAfterTenQuietMinutes_AndHeldADayAtMost_ByDefault()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings());

        var options = host.Services.GetRequiredService<IOptions<RideOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(10), options.StatusCheckInterval);
        Assert.Equal(TimeSpan.FromDays(1), options.MaxLifetime);
    }

    [Fact]
    public void Retention_DefaultsToAnHour_RidesOfTheBuiltInFleetMoveOnTimers_AndTheSinkIsTheRidesOwn()
    {
        using var host = SkillServices.Build(SkillServices.DefaultSettings());

        Assert.Equal(TimeSpan.FromHours(1), host.Services.GetRequiredService<IOptions<RideOptions>>().Value.Retention);
        Assert.True(host.Services.GetRequiredService<RideReporting>().OnFleetTimers);
        Assert.IsType<RideEventSink>(host.Services.GetRequiredService<IRideEventSink>());
    }
}
