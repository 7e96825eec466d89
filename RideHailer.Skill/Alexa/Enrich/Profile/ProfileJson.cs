using System.Text.Json.Serialization;

namespace RideHailer.Skill.Alexa.Enrich.Profile;

/// <summary>Customer Profile API's mobile number: <c>{ "countryCode": "+1", "phoneNumber": "2065550100" }</c>.</summary>
public sealed record ProfilePhone(string? CountryCode, string? PhoneNumber)
{
    public override string ToString() => string.Join(' ', new[] { CountryCode, PhoneNumber }.Where(part => !string.IsNullOrWhiteSpace(part)));
}

/// <summary>Device Address API's full address.</summary>
public sealed record DeviceAddress(
    string? AddressLine1,
    string? AddressLine2,
    string? AddressLine3,
    string? City,
    string? StateOrRegion,
    string? DistrictOrCounty,
    string? PostalCode,
    string? CountryCode)
{
    public string OneLine => string.Join(", ", new[] { AddressLine1, AddressLine2, AddressLine3, City, StateOrRegion, PostalCode }
        .Where(part => !string.IsNullOrWhiteSpace(part)));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(ProfilePhone))]
[JsonSerializable(typeof(DeviceAddress))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
