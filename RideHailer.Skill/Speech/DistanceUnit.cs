namespace RideHailer.Skill.Speech;

/// <summary>The unit a locale speaks distances in.</summary>
public enum DistanceUnit
{
    /// <summary>Miles: en-US and en-GB (British road distances are in miles).</summary>
    Miles,

    /// <summary>Kilometres: Canada, Australia, India, Germany.</summary>
    Kilometres,
}
