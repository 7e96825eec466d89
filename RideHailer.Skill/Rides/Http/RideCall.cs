namespace RideHailer.Skill.Rides.Http;

/// <summary>The contract's calls, as logs and metrics name them.</summary>
public enum RideCall
{
    Quote,
    Dispatch,
    Status,
    CancelFee,
    Cancel,
}
