using RideHailer.Domain.Consent;

namespace RideHailer.Domain;

/// <summary>One piece of rider data the ride needs, the scope that reads it, and whether it is readable now.</summary>
internal sealed record ConsentItem(RiderScope Scope, ConsentLevel Level, bool Available)
{
    public ScopeRequest Request => new(Scope, Level);
}
