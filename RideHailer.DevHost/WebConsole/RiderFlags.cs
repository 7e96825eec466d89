using RideHailer.DevHost.Simulator;

namespace RideHailer.DevHost.WebConsole;

/// <summary>
/// The rider panel: the chat's rider flags (<c>--unlinked</c>, <c>--no-person</c>, <c>--person-unlinked</c>,
/// <c>--no-geolocation</c>, <c>--granted</c>, <c>--granted-earlier</c>), all off by default: the seeds' first
/// conversation, a linked, recognised speaker on a device with geolocation who has granted nothing yet; and the
/// device's language (<c>--locale</c>), en-US unless the page's locale picker says otherwise.
/// </summary>
internal sealed record RiderFlags(
    bool Unlinked = false,
    bool NoPerson = false,
    bool PersonUnlinked = false,
    bool NoGeolocation = false,
    bool Granted = false,
    bool GrantedEarlier = false,
    string Locale = SimulatorOptions.DefaultLocale)
{
    /// <summary>The same options the chat's flags make, so the rider is built exactly as the chat builds it.</summary>
    public SimulatorOptions ToSimulatorOptions() => new()
    {
        Unlinked = Unlinked,
        NoPerson = NoPerson,
        PersonUnlinked = PersonUnlinked,
        NoGeolocation = NoGeolocation,
        Granted = Granted,
        GrantedEarlier = GrantedEarlier,
        Locale = Locale,
    };
}
