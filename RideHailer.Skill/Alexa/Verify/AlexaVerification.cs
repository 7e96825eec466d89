using System.Diagnostics.CodeAnalysis;
using RideHailer.Skill.Alexa.Read;

namespace RideHailer.Skill.Alexa.Verify;

/// <summary>
/// What <see cref="AlexaRequestVerifier"/> found: a verified request, or a rejection. A request rejected after
/// it was parsed (another skill's, a stale one) keeps its <see cref="Request"/>, so its ids can go in the log.
/// </summary>
public sealed record AlexaVerification(AlexaRequest? Request, AlexaRejection? Rejection)
{
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsVerified => Rejection is null && Request is not null;

    public static AlexaVerification Verified(AlexaRequest request) => new(request, null);

    public static AlexaVerification Rejected(RejectionCategory category, string reason, AlexaRequest? parsed = null) =>
        new(parsed, new AlexaRejection(category, reason));
}
