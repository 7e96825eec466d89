using RideHailer.Domain.Replies;
using RideHailer.Tests.Support;
using RideHailer.Tests.Support.Speaking;
using static RideHailer.Tests.Support.Responses;

namespace RideHailer.Tests.Workflow;

public sealed class BookingStoreOutageTests
{
    [Fact]
    public async Task TablesUnreachable_TheRiderHearsAnApologyAndNothingIsBooked()
    {
        var unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + $"AccountKey={AzuriteFixture.AccountKey};TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var skill = await SkillHarness.StartAsync(BackendUnderTest.InMemory, new() { ["ConnectionStrings:Tables"] = unreachable });
        var alexa = await skill.AtThePinAsync();

        var response = await alexa.PinResultAsync("200", "ACHIEVED", level: 400);

        Assert.Equal(Spoken.Line(Phrase.BookingFailed), Speech(response));
        Assert.True((bool)response["response"]!["shouldEndSession"]!);
        Assert.Contains(skill.Recorded.Logs, line => line.Contains("BookingStoreUnavailableException", StringComparison.Ordinal));
    }
}
