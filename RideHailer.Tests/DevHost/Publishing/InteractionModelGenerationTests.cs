using System.Text.Json.Nodes;
using RideHailer.DevHost.Publishing;
using RideHailer.Domain.Places;
using RideHailer.Skill.Places;
using RideHailer.Tests.Support.SkillPackage;

namespace RideHailer.Tests.DevHost.Publishing;

/// <summary>
/// The six interaction models come from one source (<c>skill-package-source/interaction-model.json</c>) and the
/// place catalog, through the DevHost's <c>interaction-models</c> verb: the checked-in files must be what it writes.
/// </summary>
public sealed class InteractionModelGenerationTests
{
    private static readonly string[] SixLocales = ["de-DE", "en-AU", "en-CA", "en-GB", "en-IN", "en-US"];

    private static string SourcePath => SkillPackageFiles.FullPath(InteractionModelSource.RelativePath);

    private static string CheckedInFolder => SkillPackageFiles.FullPath(InteractionModelsCommand.DefaultOutput);

    [Fact]
    public void CheckedInModels_AreWhatTheSourceGenerates()
    {
        var folder = Directory.CreateTempSubdirectory("ridehailer-models-").FullName;
        try
        {
            var (exitCode, _, error) = Run("--source", SourcePath, "--out", folder);
            Assert.True(exitCode == 0, error);

            var generated = Directory.GetFiles(folder).ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => File.ReadAllText(path), StringComparer.Ordinal);
            var differences = InteractionModelGenerator.Differences(CheckedInFolder, generated);
            var strays = Directory.GetFiles(CheckedInFolder, "*.json").Select(path => Path.GetFileNameWithoutExtension(path)).Where(locale => !generated.ContainsKey(locale)).ToList();

            Assert.True(
                differences.Count == 0 && strays.Count == 0,
                $"skill-package/interactionModels/custom/ is not what {InteractionModelSource.RelativePath} generates:\n"
                + string.Join('\n', differences.Concat(strays.Select(locale => $"{locale}.json: no locale of the source generates it")))
                + $"\nEdit the source, not the models, then run: dotnet run --project RideHailer.DevHost -- {InteractionModelsCommand.Verb}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TheSource_GeneratesTheSixLocales()
    {
        var models = InteractionModelGenerator.Generate(InteractionModelSource.Load(SourcePath), PlaceCatalog.Default);

        Assert.Equal(SixLocales, models.Keys);
    }

    [Fact]
    public void Check_FailsNamingTheFileAndTheLineWhenAModelIsStale()
    {
        var folder = Directory.CreateTempSubdirectory("ridehailer-models-").FullName;
        try
        {
            Assert.Equal(0, Run("--source", SourcePath, "--out", folder).ExitCode);
            var stale = Path.Combine(folder, "en-GB.json");
            File.WriteAllText(stale, File.ReadAllText(stale).Replace("\"a lift to {destination}\"", "\"a lyft to {destination}\"", StringComparison.Ordinal));
            File.Delete(Path.Combine(folder, "de-DE.json"));

            var (exitCode, _, error) = Run("--source", SourcePath, "--out", folder, "--check");

            Assert.Equal(1, exitCode);
            Assert.Contains("de-DE.json: missing", error, StringComparison.Ordinal);
            Assert.Matches(@"en-GB\.json: not what the source generates\n  line \d+: checked in ""a lyft to \{destination\}""", error);
            Assert.Contains($"-- {InteractionModelsCommand.Verb}", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void APlaceAddedToTheCatalog_IsAValueOfEveryModel()
    {
        // Another engineer grows the catalog: the models pick a new place up when they are generated again.
        // A place no catalog has (the real catalog grows too, so the test's own is made up).
        var tower = new Place("test-clock-tower", "Testing Clock Tower", "the Testing Clock Tower", new GeoPoint(51.5007, -0.1246), "London", ["the testing tower", "Testing Clock Tower"]);
        var catalog = new PlaceCatalog([.. PlaceCatalog.Default.All, tower]);

        var models = InteractionModelGenerator.Generate(InteractionModelSource.Load(SourcePath), catalog);

        Assert.All(models, model =>
        {
            var places = PlaceNameSlotType.ValuesIn(JsonNode.Parse(model.Value)!["interactionModel"]!["languageModel"]!["types"]!.AsArray()
                .Single(type => (string?)type!["name"] == PlaceNameSlotType.Name)!.AsObject());
            var value = Assert.Single(places, value => value.Id == "test-clock-tower");
            Assert.Equal("Testing Clock Tower", value.Name);
            Assert.Contains("the testing tower", value.Synonyms);
            Assert.Equivalent(PlaceNameSlotType.ValuesOf(catalog, model.Key[..2]), places, strict: true);
        });
    }

    [Fact]
    public void Substitutions_AddEachSampleAgainWithTheLocalesWordsAfterTheWrittenOnes()
    {
        var substitutions = new JsonObject { ["a ride"] = new JsonArray("a lift") };

        var samples = InteractionModelGenerator.Substituted(["a ride to {destination}", "take me to {destination}", "a rides", "get me a ride"], substitutions);

        Assert.Equal(["a ride to {destination}", "take me to {destination}", "a rides", "get me a ride", "a lift to {destination}", "get me a lift"], samples);
    }

    [Fact]
    public void ACustomIntentWithoutGermanSamples_IsRefusedWithTheFix()
    {
        // An intent added to the source in English only would leave German riders without it.
        var source = JsonNode.Parse(File.ReadAllText(SourcePath))!.AsObject();
        source["intents"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "RideStatusIntent",
            ["samples"] = new JsonObject { ["en"] = new JsonArray("where is my ride") },
        });
        var path = Path.Combine(Directory.CreateTempSubdirectory("ridehailer-source-").FullName, "interaction-model.json");
        File.WriteAllText(path, source.ToJsonString());
        try
        {
            var (exitCode, _, error) = Run("--source", path, "--out", Path.GetDirectoryName(path)!);

            Assert.Equal(1, exitCode);
            Assert.Contains("RideStatusIntent has no samples in \"de\"", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "en-US.json")), "nothing is written from a refused source");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void EnUs_KeepsEveryOrderRideSampleSlotAndPlaceItHad()
    {
        var model = SkillPackageFiles.LanguageModel("en-US");
        var order = model["intents"]!.AsArray().Single(intent => (string?)intent!["name"] == "OrderRideIntent")!;

        Assert.Equal(CarrierPhrases.EnUs.Samples(), order["samples"]!.AsArray().Select(sample => (string)sample!));
        Assert.Equal("destination", (string?)order["slots"]![0]!["name"]);
        Assert.Equivalent(PlaceNameSlotType.ValuesOf(PlaceCatalog.Default), PlaceNameSlotType.ValuesIn(model["types"]![0]!.AsObject()), strict: true);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = InteractionModelsCommand.Run(flags, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
