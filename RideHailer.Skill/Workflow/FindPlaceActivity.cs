using RideHailer.Domain;
using RideHailer.Domain.Places;

namespace RideHailer.Skill.Workflow;

/// <summary>Finds the place the rider named with the place search; the session hears what was found as a turn.</summary>
public sealed class FindPlaceActivity(IPlaceSearch places)
{
    public const string Name = "FindPlace";

    public Task<IReadOnlyList<Place>> RunAsync(FindPlace command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return places.FindAsync(command.Query, cancellationToken);
    }
}
