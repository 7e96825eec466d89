using System.Text.Json.Serialization;

namespace RideHailer.Domain.Consent;

/// <summary>Whose consent is asked: the account holder's or the recognised speaker's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsentLevel>))]
public enum ConsentLevel
{
    /// <summary>The Amazon account the device is registered to (ACCOUNT).</summary>
    Account,

    /// <summary>The recognised speaker (PERSON).</summary>
    Person,
}
