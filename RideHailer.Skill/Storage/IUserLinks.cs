namespace RideHailer.Skill.Storage;

/// <summary>
/// Which riders and session instances belong to an Alexa user, so a user who disables the skill can be forgotten.
/// The Domain never decides with it, so it is a Skill port, not part of <see cref="Domain.Rides.IBookingStore"/>;
/// it is kept by the booking store itself because forgetting deletes the bookings and the links together.
/// Every id in it is opaque: the user's key (<see cref="AlexaUserKey"/>), rider ids and instance ids are hashes.
/// </summary>
/// <remarks>
/// A forgotten user leaves a tombstone (<see cref="MarkForgottenAsync"/>): the user's key and when it may go, nothing
/// else. While it is there nothing is recorded for that user again; a link or a scope record written at the same moment
/// either lands before it (and the erasure that follows finds it) or is refused, never both missed. Alexa gives a user
/// who enables the skill again a new user id, so the old id's tombstone stops no one; it only refuses the requests and
/// late events of a session that was in flight when the user left, and is swept once it expires
/// (<see cref="SweepForgottenAsync"/>).
/// </remarks>
public interface IUserLinks
{
    /// <summary>
    /// Records that the session (and the rider, when known) belongs to the user; recording it again changes nothing.
    /// False, with nothing written, when the user was forgotten.
    /// </summary>
    Task<bool> LinkAsync(UserLink link, CancellationToken cancellationToken);

    /// <summary>Everything linked to the user, with the keys of its riders' bookings; empty when nothing is (or it was forgotten already).</summary>
    Task<LinkedRecords> FindLinksAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every booking of the records' riders (with their idempotency-key claims, ride-id rows and event receipts), the
    /// user's granted scopes (the account's and each person's) and the user's links; the tombstone stays. Returns how many
    /// bookings were deleted. Deleting what is already gone is not an error.
    /// </summary>
    Task<int> ForgetAsync(LinkedRecords records, CancellationToken cancellationToken);

    /// <summary>
    /// Leaves the user's tombstone, kept at least until <paramref name="until"/>: from when this returns, every
    /// <see cref="LinkAsync"/> and <see cref="IUserScopes.RecordGrantedScopesAsync"/> for the user is refused.
    /// </summary>
    Task MarkForgottenAsync(string userKey, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Whether the user has a tombstone (expired or not, until it is swept).</summary>
    Task<bool> IsForgottenAsync(string userKey, CancellationToken cancellationToken);

    /// <summary>Removes the tombstones that expired by <paramref name="now"/>; returns how many.</summary>
    Task<int> SweepForgottenAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
