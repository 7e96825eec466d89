namespace RideHailer.Skill.Rides;

/// <summary>Which ride provider the skill books with (<c>RideProvider:Kind</c>).</summary>
public enum RideProviderKind
{
    /// <summary>The built-in fleet (<see cref="LocalFleet"/>): no account, no network.</summary>
    BuiltIn,

    /// <summary>A dispatch system that speaks docs/ride-provider-api.md over HTTPS.</summary>
    Http,
}
