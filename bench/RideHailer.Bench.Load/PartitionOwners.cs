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
    private volatile bool _moving = true;

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

    /// <summary>
    /// Waits until the engine has spread the partitions over the instances (each owned, none on its way to a new owner,
    /// as many owners as instances can share them): levels are measured scaled out, not while instances steal partitions.
    /// </summary>
    public async Task<bool> BalancedAsync(int instances, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var owners = _owners;
            if (owners.Length > 0 && !_moving && owners.All(owner => owner is not null)
                && owners.Distinct(StringComparer.Ordinal).Count() == Math.Min(instances, owners.Length))
            {
                return true;
            }

            await Task.Delay(Every, cancellationToken);
        }

        return false;
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
                var moving = false;
                await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                {
                    var owner = row.GetString("CurrentOwner");
                    rows[row.RowKey] = string.IsNullOrEmpty(owner) ? null : owner;
                    moving |= !string.IsNullOrEmpty(row.GetString("NextOwner"));
                }

                // Row keys are the control queues' names (ridehailer-control-00 …), so their order is the partitions'.
                _owners = [.. rows.Values];
                _moving = moving;
            }
            catch (RequestFailedException)
            {
                // The engine creates the table as it starts.
            }

            await Task.Delay(Every, cancellationToken);
        }
    }
}
