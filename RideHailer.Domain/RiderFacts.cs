using RideHailer.Domain.Consent;
using RideHailer.Domain.Places;

namespace RideHailer.Domain;

/// <summary>
/// What the edge knows about the rider for this request, loaded with the request's credentials;
/// the conversation never sees a credential.
/// </summary>
public sealed record RiderFacts
{
    /// <summary>Stable id from the linked account; null when the account is not linked.</summary>
    public string? RiderId { get; init; }

    /// <summary>The recognised speaker (context.System.person.personId); null when none.</summary>
    public string? PersonId { get; init; }

    /// <summary>Scopes known to be granted: GRANTED in the request's permissions, or read by the API.</summary>
    public IReadOnlyList<RiderScope> GrantedScopes { get; init; } = [];

    /// <summary>Scopes known not to be granted: DENIED in the request's permissions, or refused (403) by the API.</summary>
    public IReadOnlyList<RiderScope> RefusedScopes { get; init; } = [];

    /// <summary>
    /// Scopes the Customer Profile or Device Address API could not answer for this turn (5xx, 429, a timeout): an
    /// outage, not a refusal, so neither granted nor refused. Only a 403 means not granted.
    /// </summary>
    public IReadOnlyList<RiderScope> UnreachableScopes { get; init; } = [];

    /// <summary>Whether the device supports geolocation (otherwise the device address is used).</summary>
    public bool SupportsGeolocation { get; init; }

    /// <summary>The rider's name from the profile, when loaded.</summary>
    public string? GivenName { get; init; }

    /// <summary>The rider's mobile number from the profile, when loaded.</summary>
    public string? MobileNumber { get; init; }

    /// <summary>Where to pick the rider up, when loaded.</summary>
    public Pickup? Pickup { get; init; }

    /// <summary>The device's full postal address on one line, when read: the rider's home.</summary>
    public string? HomeAddress { get; init; }

    /// <summary>Nothing known: not linked, no person, nothing granted.</summary>
    public static RiderFacts None { get; } = new();

    /// <summary>Whether <paramref name="scope"/> is known to be granted and was not refused.</summary>
    public bool CanRead(RiderScope scope) => (GrantedScopes ?? []).Contains(scope) && !(RefusedScopes ?? []).Contains(scope);
}
