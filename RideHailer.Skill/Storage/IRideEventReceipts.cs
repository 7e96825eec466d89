namespace RideHailer.Skill.Storage;

/// <summary>
/// The provider events already handed to their rides, so the same event id posted again changes nothing. Kept by the
/// booking store beside the rides it names, and forgotten with the rider (<see cref="IUserLinks.ForgetAsync"/>).
/// </summary>
public interface IRideEventReceipts
{
    /// <summary>Whether the ride's event was handed on before.</summary>
    Task<bool> HasAsync(string rideId, string eventId, CancellationToken cancellationToken);

    /// <summary>Remembers that the ride's event was handed on; false when it was remembered already.</summary>
    Task<bool> AddAsync(string rideId, string eventId, string riderId, CancellationToken cancellationToken);
}
