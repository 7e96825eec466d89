namespace RideHailer.Bench.Load;

/// <summary>What the driver can launch and measure.</summary>
internal enum TargetKind
{
    /// <summary>The DevHost on the in-memory Durable Task backend.</summary>
    InMemory,

    /// <summary>The DevHost on DurableTask.AzureStorage over an Azurite the driver starts.</summary>
    AzureStorage,

    /// <summary>The bench-only bare loop: the durable engine alone (AzureStorage on Azurite), no conversation.</summary>
    Bare,

    /// <summary>The bench-only floor: the same edge and Domain, session state in process memory.</summary>
    Floor,

    /// <summary>The same conversation on the ASK SDK for Node.js.</summary>
    Node,

    /// <summary>An endpoint given with --url.</summary>
    External,
}

internal static class TargetKinds
{
    public static TargetKind Parse(string text) => text.Trim().ToUpperInvariant() switch
    {
        "INMEMORY" => TargetKind.InMemory,
        "AZURESTORAGE" => TargetKind.AzureStorage,
        "FLOOR" => TargetKind.Floor,
        "BARE" => TargetKind.Bare,
        "NODE" => TargetKind.Node,
        _ => throw new FormatException($"unknown target {text}: inmemory, azurestorage, bare, floor or node"),
    };

    public static string Label(this TargetKind kind) => kind switch
    {
        TargetKind.InMemory => "durable InMemory",
        TargetKind.AzureStorage => "durable AzureStorage (Azurite)",
        TargetKind.Floor => "floor (no orchestration)",
        TargetKind.Bare => "bare event-and-poll loop (AzureStorage)",
        TargetKind.Node => "ASK SDK Node.js peer",
        _ => "external",
    };
}
