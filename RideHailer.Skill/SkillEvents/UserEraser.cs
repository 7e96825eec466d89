using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using RideHailer.Domain.Rides;
using RideHailer.Skill.Alexa.Verify;
using RideHailer.Skill.Storage;
using RideHailer.Skill.Workflow;

namespace RideHailer.Skill.SkillEvents;

/// <summary>
/// Forgets an Alexa user who disabled the skill, whatever <c>userInformationPersistenceStatus</c> says, completely before
/// it returns (so before the endpoint's 200):
/// <list type="number">
/// <item>the user's tombstone first (<see cref="IUserLinks.MarkForgottenAsync"/>): from then on no turn of the user can link
/// a session or record scopes, so none can reach a session, and no booking activity books for them
/// (<see cref="BookRideActivity"/>);</item>
/// <item>every session of theirs and the ride of every booking of their riders: terminated if running, so none books or
/// records again, then purged, all at once (<see cref="InstanceErasure"/>);</item>
/// <item>every booking, key claim, ride-id row and event receipt of their riders, their granted scopes and their links
/// (<see cref="IUserLinks.ForgetAsync"/>).</item>
/// </list>
/// A booking made while the erasure runs is forgotten by its own activity (<see cref="BookRideActivity"/>).
/// The links go last, so a run cut short (an error answers 503) is finished by Alexa's retry of the event; a repeated
/// event finds nothing and deletes nothing. The tombstone holds the user's hash and its expiry only, and is swept
/// after <see cref="TombstoneLifetime"/>.
/// </summary>
/// <remarks>
/// Why a tombstone and not only the order: a turn's link is checked against the tombstone in the same store write
/// (<see cref="IUserLinks.LinkAsync"/>), so a turn that arrives during the erasure either linked before the tombstone (and
/// the erasure, which reads the links after it, ends that session) or is refused (and answered "this conversation has
/// ended" without reaching its session); a turn that linked just before the tombstone and started its session after the
/// erasure looked for it ends that session itself, checking the tombstone after the start (the endpoint does).
/// Ending the sessions first alone would not do: a turn could link and start a
/// session between the read of the links and their deletion. Alexa gives a user who enables the skill again a new user id,
/// so the old id's tombstone refuses only the rest of a session that was in flight, and late events of that user.
/// </remarks>
public sealed partial class UserEraser(IUserLinks links, InstanceErasure instances, TimeProvider timeProvider, ILogger<UserEraser> logger)
{
    /// <summary>
    /// How long a tombstone refuses the old user id: a skill event may be delivered up to an hour after its timestamp
    /// (<see cref="RequestRules.SkillEventTimestampTolerance"/>), so a late permission event of the user cannot write its
    /// scopes back, plus margin for clocks. Turns are accepted only 150 s after theirs, well inside it.
    /// </summary>
    public static readonly TimeSpan TombstoneLifetime = RequestRules.SkillEventTimestampTolerance + TimeSpan.FromMinutes(10);

    public async Task EraseAsync(string userKey, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(durable);
        await links.MarkForgottenAsync(userKey, timeProvider.GetUtcNow() + TombstoneLifetime, cancellationToken);
        var records = await links.FindLinksAsync(userKey, cancellationToken);
        var rides = records.BookingKeys.Select(RideInstanceId.For).ToList();
        var purged = await instances.EndAndPurgeAsync(durable, [.. records.Sessions, .. rides], cancellationToken);

        // Even with no rider or session linked: the user's partition may hold the scopes a permission event recorded.
        var bookings = await links.ForgetAsync(records, cancellationToken);
        if (records.IsEmpty)
        {
            Log.NothingKept(logger, userKey);
            return;
        }

        var sessions = purged.Count(records.Sessions.Contains);
        Log.Erased(logger, userKey, records.Riders.Count, bookings, sessions, purged.Count - sessions);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 112, Level = LogLevel.Information,
            Message = "Forgot user {UserKey}: {Riders} riders, {Bookings} bookings deleted, {Sessions} sessions and {Rides} rides purged")]
        public static partial void Erased(ILogger logger, string userKey, int riders, int bookings, int sessions, int rides);

        [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "User {UserKey} disabled the skill; nothing of theirs is kept")]
        public static partial void NothingKept(ILogger logger, string userKey);
    }
}
