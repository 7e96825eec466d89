using Azure;
using Azure.Data.Tables;

namespace RideHailer.Bench.Load;

/// <summary>
/// Which worker holds each control-queue partition of the task hub, read from the engine's partition table
/// (DurableTask.AzureStorage's table partition manager, the default: one row per control queue, its
/// <c>CurrentOwner</c> the worker id, which is the machine name) a few times a second, directly from Azurite.
/// </summary>
internal sealed class PartitionOwners : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(200);

    private readonly TableClient _table;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;
    private volatile string?[] _owners = [];

    public PartitionOwners(string connectionString, string hubName = "RideHailer")
    {
        _table = new TableClient(connectionString, hubName + "Partitions");
        _reading = ReadAsync(_stop.Token);
    }

    /// <summary>How the turn of <paramref name="instanceId"/> received by <paramref name="receiver"/> relates to its partition's owner now.</summary>
    public TurnRole RoleOf(string instanceId, string? receiver)
    {
        var owners = _owners;
        if (owners.Length == 0)
        {
            return TurnRole.Unowned;
        }

        var owner = owners[PartitionPlacement.Of(instanceId, owners.Length)];
        return owner is null ? TurnRole.Unowned : string.Equals(owner, receiver, StringComparison.Ordinal) ? TurnRole.Owner : TurnRole.Other;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var rows = new SortedDictionary<string, string?>(StringComparer.Ordinal);
                await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                {
                    var owner = row.GetString("CurrentOwner");
                    rows[row.RowKey] = string.IsNullOrEmpty(owner) ? null : owner;
                }

                // Row keys are the control queues' names (ridehailer-control-00 …), so their order is the partitions'.
                _owners = [.. rows.Values];
            }
            catch (RequestFailedException)
            {
                // The engine creates the table as it starts.
            }

            await Task.Delay(Every, cancellationToken);
        }
    }
}
