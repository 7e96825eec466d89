using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>Asks the provider what cancelling a ride would cost now, for the question the rider answers before any cancel.</summary>
public sealed class PriceCancellationActivity(IRideProvider provider)
{
    public const string Name = "PriceCancellation";

    /// <summary>The fee, or null when cancelling is free.</summary>
    public Task<Money?> RunAsync(PriceCancellationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return provider.CancellationFeeAsync(input.Command.RideId, input.Now, cancellationToken);
    }
}

public sealed record PriceCancellationInput(PriceCancellation Command, DateTimeOffset Now);
