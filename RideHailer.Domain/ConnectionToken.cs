using System.Diagnostics.CodeAnalysis;

namespace RideHailer.Domain;

/// <summary>
/// The token sent with a StartConnection and echoed in its SessionResumedRequest: "consent.&lt;nonce&gt;"
/// or "pin.&lt;nonce&gt;". The prefix lets the edge tell the result shape from the token alone; the
/// caller-supplied nonce binds it to one step of one session.
/// </summary>
public sealed record ConnectionToken(ConnectionKind Kind, string Nonce)
{
    private const string ConsentPrefix = "consent.";
    private const string PinPrefix = "pin.";

    /// <summary>The wire form.</summary>
    public string Format() => (Kind == ConnectionKind.Consent ? ConsentPrefix : PinPrefix) + Nonce;

    /// <inheritdoc/>
    public override string ToString() => Format();

    /// <summary>Whether <paramref name="text"/> is the wire form of this token.</summary>
    public bool Matches(string? text) => string.Equals(text, Format(), StringComparison.Ordinal);

    /// <summary>Reads a token's wire form; false for anything else, including an empty nonce.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ConnectionToken? token)
    {
        token = text switch
        {
            not null when text.StartsWith(ConsentPrefix, StringComparison.Ordinal) && text.Length > ConsentPrefix.Length =>
                new ConnectionToken(ConnectionKind.Consent, text[ConsentPrefix.Length..]),
            not null when text.StartsWith(PinPrefix, StringComparison.Ordinal) && text.Length > PinPrefix.Length =>
                new ConnectionToken(ConnectionKind.Pin, text[PinPrefix.Length..]),
            _ => null,
        };
        return token is not null;
    }
}
