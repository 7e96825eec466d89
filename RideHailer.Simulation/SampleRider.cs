namespace RideHailer.Simulation;

/// <summary>The rider the local Alexa APIs describe: what a real Customer Profile and Device Address API would return.</summary>
public sealed record SampleRider(
    string GivenName,
    string FullName,
    string CountryCode,
    string PhoneNumber,
    string AddressLine1,
    string City,
    string StateOrRegion,
    string PostalCode)
{
    public static SampleRider Default { get; } = new(
        "Jane", "Jane Rider", "+1", "2065550142", "400 Broad St", "Seattle", "WA", "98109");
}
