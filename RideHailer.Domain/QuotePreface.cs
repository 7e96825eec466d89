using System.Text.Json.Serialization;

namespace RideHailer.Domain;

/// <summary>What the next quote offer opens with, decided when the quote is commanded.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuotePreface>))]
public enum QuotePreface
{
    /// <summary>No opening.</summary>
    None,

    /// <summary>"Thank you." — the rider has just given consent.</summary>
    ThankForConsent,

    /// <summary>The previous price expired, so this is a fresh one.</summary>
    PriceRefreshed,
}
