namespace RideHailer.Skill.Storage;

/// <summary>
/// Which riders and session instances belong to an Alexa user, so a user who disables the skill can be forgotten.
/// The Domain never decides with it, so it is a Skill port, not part of <see cref="Domain.Rides.IBookingStore"/>;
/// it is kept by the booking store itself because forgetting deletes the bookings and the links together.
/// Every id in it is opaque: the user's key (<see cref="AlexaUserKey"/>), rider ids and instance ids are hashes.
/// </summary>
public interface IUserLinks
{
    /// <summary>Records that the session (and the rider, when known) belongs to the user; recording it again changes nothing.</summary>
    Task LinkAsync(UserLink link, CancellationToken cancellationToken);

    /// <summary>Everything linked to the user; empty when nothing is (or it was forgotten already).</summary>
    Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every booking of the records' riders (with their idempotency-key claims) and the user's links;
    /// returns how many bookings were deleted. Deleting what is already gone is not an error.
    /// </summary>
    Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken);
}
