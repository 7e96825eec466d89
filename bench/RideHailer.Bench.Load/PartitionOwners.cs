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
    private readonly List<DateTime> _moves = [];

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

    /// <summary>
    /// How many times a partition changed owner at or after <paramref name="since"/>, as read a few times a second: a
    /// partition lost by a killed instance, stolen for balance, or given up by an instance that could not renew its lease.
    /// </summary>
    public int MovesSince(DateTime since)
    {
        lock (_moves)
        {
            return _moves.Count(at => at >= since);
        }
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
                string?[] owners = [.. rows.Values];
                CountMoves(_owners, owners);
                _owners = owners;
                _moving = moving;
            }
            catch (RequestFailedException)
            {
                // The engine creates the table as it starts.
            }

            await Task.Delay(Every, cancellationToken);
        }
    }

    private void CountMoves(string?[] before, string?[] now)
    {
        if (before.Length != now.Length)
        {
            return;
        }

        var moved = before.Zip(now).Count(pair => pair.First is not null && pair.Second is not null && !string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
        lock (_moves)
        {
            _moves.AddRange(Enumerable.Repeat(DateTime.UtcNow, moved));
        }
    }
}
