using RideHailer.Simulation;

namespace RideHailer.DevHost.WebConsole;

/// <summary>The rider and device in a sentence, in the chat's words, for the page's rider panel.</summary>
internal static class RiderDescription
{
    public static string Of(SimulatedRider rider)
    {
        ArgumentNullException.ThrowIfNull(rider);
        return string.Join(", ",
            $"speaking {rider.Locale}",
            rider.Linked ? "account linked" : "account not linked",
            rider.PersonId is null ? "no recognised speaker"
                : rider.PersonLinked ? "recognised speaker with their own link"
                : "recognised speaker without their own link",
            rider.Geolocation ? "device with geolocation" : "stationary device (address)",
            rider.GrantedInApp.Count > 0 ? "data scopes granted in the Alexa app"
                : rider.GrantedEarlier.Count > 0 ? "data scopes granted by voice earlier"
                : "nothing granted yet",
            $"profile PIN {SpokenConnectionAnswers.SampleProfilePin}");
    }
}
