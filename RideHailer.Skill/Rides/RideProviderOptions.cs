namespace RideHailer.Skill.Rides;

/// <summary>The <c>RideProvider</c> settings: which provider, and how to reach an HTTP one (docs/ride-provider-api.md).</summary>
public sealed class RideProviderOptions
{
    public const string SectionName = "RideProvider";

    /// <summary><c>BuiltIn</c> (the default) or <c>Http</c>.</summary>
    public RideProviderKind Kind { get; set; } = RideProviderKind.BuiltIn;

    /// <summary>The provider's root without <c>/v1</c>: https, or an http loopback address in Development.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The key sent as <c>Authorization: Bearer</c> on every call. A secret: never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The HMAC-SHA256 key the provider signs its webhook events with. A secret: never logged.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>The root as a base address the contract's relative paths resolve against (ends in '/').</summary>
    public Uri BaseAddress => new(BaseUrl!.TrimEnd('/') + "/", UriKind.Absolute);
}
