using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RideHailer.Skill.Alexa.Read;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.SkillPackage;

/// <summary>
/// OrderRideIntent's sample utterances come from one list per locale (<see cref="CarrierPhrases"/>): the committed
/// model must be that list expanded, so a new way of asking is added once and every utterance around it follows.
/// </summary>
public sealed class CarrierPhrasesTests
{
    private static readonly JsonSerializerOptions Printing = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Fact]
    public void OrderRideSamples_AreTheCarrierPhrasesExpanded()
    {
        var phrases = CarrierPhrases.EnUs;
        var expected = phrases.Samples();

        var actual = OrderRideSamples(phrases.Locale);

        Assert.True(
            expected.SequenceEqual(actual, StringComparer.Ordinal),
            $"{SkillPackageFiles.ModelPath(phrases.Locale)}: {TurnReader.OrderRideIntent}'s samples are not CarrierPhrases.{nameof(CarrierPhrases.EnUs)} expanded " +
            $"(RideHailer.Tests/Support/SkillPackage/CarrierPhrases.cs is the source).\n" +
            $"Missing: {string.Join(", ", expected.Except(actual))}\nNot in the list: {string.Join(", ", actual.Except(expected))}\n" +
            $"Replace the \"samples\" of {TurnReader.OrderRideIntent} with:\n{new JsonArray([.. expected.Select(sample => (JsonNode)JsonValue.Create(sample))]).ToJsonString(Printing)}");
    }

    [Theory]
    [InlineData("to {destination}")]
    [InlineData("to {destination} please")]
    [InlineData("{destination} please")]
    [InlineData("a cab to {destination}")]
    [InlineData("can you get me a taxi to {destination}")]
    [InlineData("pick me up and take me to {destination}")]
    [InlineData("take me to {destination}")]
    [InlineData("book me a ride to {destination}")]
    [InlineData("book a ride")]
    public void Samples_IncludeWhatRidersSay(string sample) =>
        Assert.Contains(sample, CarrierPhrases.EnUs.Samples());

    [Fact]
    public void Samples_AreUniqueAndEachHasTheDestinationAtMostOnce()
    {
        var samples = CarrierPhrases.EnUs.Samples();

        Assert.Equal(samples.Count, samples.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(samples, sample => sample.Split(CarrierPhrases.Destination).Length > 2);
    }

    private static List<string> OrderRideSamples(string locale) =>
        [.. SkillPackageFiles.LanguageModel(locale)["intents"]!.AsArray()
            .Single(intent => (string?)intent!["name"] == TurnReader.OrderRideIntent)!["samples"]!.AsArray()
            .Select(sample => (string)sample!)];
}
