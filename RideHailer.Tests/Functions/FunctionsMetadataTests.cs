using System.Text.Json.Nodes;
using RideHailer.Skill.Workflow;

namespace RideHailer.Tests.Functions;

/// <summary>
/// Core Tools and Azure index the app from the build's functions.metadata; these tests read the
/// file the Functions SDK generated, so a renamed function or a changed binding fails here.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonArray Functions = LoadMetadata();

    [Fact]
    public void AlexaFunction_IsAnAnonymousPostHttpTriggerOnApiAlexa()
    {
        var alexa = Function("Alexa");

        Assert.Equal("RideHailer.Functions.AlexaEndpointFunction.Run", (string?)alexa["entryPoint"]);
        Assert.Equal("dotnet-isolated", (string?)alexa["language"]);
        var trigger = Binding(alexa, "httpTrigger");
        Assert.Equal("Anonymous", (string?)trigger["authLevel"], ignoreCase: true);
        Assert.Equal(["post"], trigger["methods"]!.AsArray().Select(method => (string?)method));
        Assert.Equal("alexa", (string?)trigger["route"]);
        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal("In", (string?)Binding(alexa, "durableClient")["direction"]);
    }

    [Fact]
    public void RideEventsFunction_IsAnAnonymousPostHttpTriggerOnApiRidesEvents()
    {
        var events = Function("RideEvents");

        Assert.Equal("RideHailer.Functions.RideEventsFunction.Run", (string?)events["entryPoint"]);
        var trigger = Binding(events, "httpTrigger");
        // Authenticated by the provider's HMAC alone: no function key, and no Alexa verification on this route.
        Assert.Equal("Anonymous", (string?)trigger["authLevel"], ignoreCase: true);
        Assert.Equal(["post"], trigger["methods"]!.AsArray().Select(method => (string?)method));
        Assert.Equal("rides/events", (string?)trigger["route"]);
    }

    [Fact]
    public void Metadata_ListsExactlyTheEndpointTheOrchestrationItsActivitiesAndThePurge()
    {
        Assert.Equal(
            [
                "Alexa", "BookRide", "CancelRide", "CheckRideStatus", "FindActiveRide", "FindLatestRide", "FindPlace", "PriceCancellation",
                "PurgeFinishedSessions", "QuoteRide", "RaiseRideCanceled", "RecordRideProgress", "Ride", "RideEvents", "RideSession",
            ],
            Functions.Select(function => (string)function!["name"]!).Order());
    }

    [Fact]
    public void PurgeFinishedSessions_IsAMinuteTimerWithADurableClient()
    {
        var purge = Function("PurgeFinishedSessions");

        Assert.Equal("RideHailer.Functions.SessionRetentionFunction.PurgeFinishedSessions", (string?)purge["entryPoint"]);
        Assert.Equal("0 * * * * *", (string?)Binding(purge, "timerTrigger")["schedule"]);
        Assert.Equal("In", (string?)Binding(purge, "durableClient")["direction"]);
    }

    [Fact]
    public void RideSession_IsAnOrchestrationTriggerOverTheSharedWorkflow()
    {
        var session = Function(SessionOrchestration.Name);

        Assert.Equal("RideHailer.Functions.RideSessionFunctions.RideSession", (string?)session["entryPoint"]);
        Assert.Equal("context", (string?)Binding(session, "orchestrationTrigger")["name"]);
    }

    [Theory]
    [InlineData(FindActiveRideActivity.Name, "RideHailer.Functions.RideSessionFunctions.FindActiveRide")]
    [InlineData(QuoteRideActivity.Name, "RideHailer.Functions.RideSessionFunctions.QuoteRide")]
    [InlineData(BookRideActivity.Name, "RideHailer.Functions.RideSessionFunctions.BookRide")]
    [InlineData(RecordRideProgressActivity.Name, "RideHailer.Functions.RideSessionFunctions.RecordRideProgress")]
    [InlineData(CheckRideStatusActivity.Name, "RideHailer.Functions.RideSessionFunctions.CheckRideStatus")]
    [InlineData(FindLatestRideActivity.Name, "RideHailer.Functions.RideSessionFunctions.FindLatestRide")]
    [InlineData(PriceCancellationActivity.Name, "RideHailer.Functions.RideSessionFunctions.PriceCancellation")]
    [InlineData(CancelRideActivity.Name, "RideHailer.Functions.RideSessionFunctions.CancelRide")]
    [InlineData(RaiseRideCanceledActivity.Name, "RideHailer.Functions.RideSessionFunctions.RaiseRideCanceled")]
    public void Activities_AreActivityTriggersNamedAsTheWorkflowCallsThem(string name, string entryPoint)
    {
        var activity = Function(name);

        Assert.Equal(entryPoint, (string?)activity["entryPoint"]);
        Assert.Equal("input", (string?)Binding(activity, "activityTrigger")["name"]);
    }

    [Fact]
    public void Ride_IsAnOrchestrationTrigger_StartedByBookRideThroughItsDurableClient()
    {
        var ride = Function(RideOrchestration.Name);

        Assert.Equal("RideHailer.Functions.RideSessionFunctions.Ride", (string?)ride["entryPoint"]);
        Assert.Equal("context", (string?)Binding(ride, "orchestrationTrigger")["name"]);
        Assert.Equal("In", (string?)Binding(Function(BookRideActivity.Name), "durableClient")["direction"]);
    }

    [Fact]
    public void RaiseRideCanceled_GetsADurableClientToReachTheRidesOrchestration()
    {
        Assert.Equal("In", (string?)Binding(Function(RaiseRideCanceledActivity.Name), "durableClient")["direction"]);
    }

    [Fact]
    public void HostJson_TunesTheDurableAzureStorageBackend()
    {
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory(), "host.json")))!["extensions"]!["durableTask"]!;

        Assert.Equal("RideHailer", (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)durable["storageProvider"]!["type"]);
        Assert.True(TimeSpan.Parse((string)durable["storageProvider"]!["maxQueuePollingInterval"]!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromSeconds(1));
        // A crashed instance's dequeued messages must come back well within a minute, not the engine's 5.
        Assert.All(
            ["controlQueueVisibilityTimeout", "workItemQueueVisibilityTimeout"],
            name => Assert.InRange(TimeSpan.Parse((string)durable["storageProvider"]![name]!, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)));
        // SessionRouter reads the instance before it raises a turn: the extension must not read it again (one Instances read per turn).
        Assert.False((bool?)durable["throwStatusExceptionsOnRaiseEvent"]);
    }

    [Fact]
    public void HostJson_IsCopiedBesideTheMetadataWithTheApiRoutePrefix()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory(), "host.json")))!;

        Assert.Equal("2.0", (string?)hostJson["version"]);
        Assert.Equal("api", (string?)hostJson["extensions"]!["http"]!["routePrefix"]);
    }

    private static JsonNode Function(string name) =>
        Functions.Single(function => (string?)function!["name"] == name)!;

    private static JsonNode Binding(JsonNode function, string type) =>
        function["bindings"]!.AsArray().Single(binding => (string?)binding!["type"] == type)!;

    private static JsonArray LoadMetadata() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(OutputDirectory(), "functions.metadata")))!.AsArray();

    // The tests build beside the Functions app: .../RideHailer.Tests/bin/<Configuration>/net10.0/.
    private static string OutputDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repository, "RideHailer.Functions", "bin", configuration, framework);
    }
}
