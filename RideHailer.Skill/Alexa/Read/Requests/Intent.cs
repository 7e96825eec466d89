namespace RideHailer.Skill.Alexa.Read.Requests;

public sealed record Intent(string Name, string? ConfirmationStatus, Dictionary<string, Slot>? Slots)
{
    public Slot? Slot(string name) => Slots is not null && Slots.TryGetValue(name, out var slot) ? slot : null;
}

public sealed record Slot(string? Name, string? Value, string? ConfirmationStatus, SlotResolutions? Resolutions)
{
    /// <summary>The id of the first value an authority matched (ER_SUCCESS_MATCH), if any.</summary>
    public string? ResolvedId =>
        Resolutions?.ResolutionsPerAuthority?
            .Where(authority => authority.Status?.Code == "ER_SUCCESS_MATCH")
            .SelectMany(authority => authority.Values ?? [])
            .Select(wrapper => wrapper.Value?.Id)
            .FirstOrDefault(id => !string.IsNullOrEmpty(id));
}

public sealed record SlotResolutions(List<ResolutionAuthority>? ResolutionsPerAuthority);

public sealed record ResolutionAuthority(string? Authority, ResolutionStatus? Status, List<ResolvedValueWrapper>? Values);

public sealed record ResolutionStatus(string? Code);

public sealed record ResolvedValueWrapper(ResolvedValue? Value);

public sealed record ResolvedValue(string? Name, string? Id);
