using RideHailer.Domain;
using RideHailer.Domain.Rides;

namespace RideHailer.Skill.Workflow;

/// <summary>Prices a ride with the ride provider. Its input carries the orchestration's clock, so a replayed quote is the same quote.</summary>
public sealed class QuoteRideActivity(IRideProvider provider)
{
    public const string Name = "QuoteRide";

    public Task<Quote> RunAsync(QuoteRideInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return provider.QuoteAsync(input.Command.Pickup, input.Command.Destination, input.Command.RideType, input.Now, cancellationToken);
    }
}

public sealed record QuoteRideInput(QuoteRide Command, DateTimeOffset Now);
