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

    /// <summary>The same bare loop on the in-memory backend: the engine <see cref="InMemory"/> runs on, alone.</summary>
    BareInMemory,

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
        "BARE-INMEMORY" => TargetKind.BareInMemory,
        "NODE" => TargetKind.Node,
        _ => throw new FormatException($"unknown target {text}: inmemory, azurestorage, bare, bare-inmemory, floor or node"),
    };

    public static string Label(this TargetKind kind) => kind switch
    {
        TargetKind.InMemory => "durable InMemory",
        TargetKind.AzureStorage => "durable AzureStorage (Azurite)",
        TargetKind.Floor => "floor (no orchestration)",
        TargetKind.Bare => "bare event-and-poll loop (AzureStorage)",
        TargetKind.BareInMemory => "bare event-and-poll loop (InMemory)",
        TargetKind.Node => "ASK SDK Node.js peer",
        _ => "external",
    };

    /// <summary>Whether the target is a bare loop, whose answers carry no conversation.</summary>
    public static bool IsBare(this TargetKind kind) => kind is TargetKind.Bare or TargetKind.BareInMemory;

    /// <summary>The bare loop on the engine a target runs on, if it has one: what the target's own code adds is measured over it.</summary>
    public static TargetKind? BareEngine(this TargetKind kind) => kind switch
    {
        TargetKind.AzureStorage => TargetKind.Bare,
        TargetKind.InMemory => TargetKind.BareInMemory,
        _ => null,
    };
}
