namespace RideHailer.DevHost;

/// <summary>Which durable backend the dev host runs the session orchestrations on.</summary>
internal sealed class DurableOptions
{
    public const string SectionName = "Durable";

    /// <summary><c>InMemory</c> (default, nothing to install) or <c>AzureStorage</c> (the engine Azure Functions uses).</summary>
    public DurableBackend Backend { get; set; } = DurableBackend.InMemory;

    /// <summary>The storage connection string for <c>AzureStorage</c>; Azurite: <c>UseDevelopmentStorage=true</c>.</summary>
    public string? Storage { get; set; }

    /// <summary>How a request waits for its reply: <c>Signal</c> (default, the sidecar's saves) or <c>Polling</c> (the Functions host's wait).</summary>
    public ReplyWait ReplyWait { get; set; } = ReplyWait.Signal;
}

internal enum DurableBackend
{
    InMemory,
    AzureStorage,
}
