using RideHailer.Domain;
using RideHailer.Domain.Pin;

namespace RideHailer.Skill.Workflow;

/// <summary>Booking policy, matching the skill's settings in the Alexa developer console.</summary>
public sealed class BookingOptions
{
    public const string SectionName = "Booking";

    /// <summary>PIN confirmation as set in the developer console: <c>Mandatory</c> or <c>Optional</c>.</summary>
    public PinPolicy PinPolicy { get; set; } = PinPolicy.Mandatory;

    public ConversationSettings ToConversationSettings() => ConversationSettings.Default with { PinPolicy = PinPolicy };
}
