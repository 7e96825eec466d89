using System.Globalization;
using System.Text;
using RideHailer.Domain;

namespace RideHailer.Skill.Storage;

/// <summary>
/// Turns an id into a valid PartitionKey or RowKey. Table keys may not hold '/', '\', '#', '?' or control
/// characters and are limited to 1 KiB; ids from other systems (a linked account's rider id) may hold anything.
/// </summary>
internal static class TableKey
{
    // Percent-encoding keeps common ids readable in the table and is one-to-one, so two ids never share a key.
    // Past this length a hash stands in (the raw id stays in its own column), well inside 1 KiB of UTF-16.
    private const int MaxReadableLength = 400;

    public static string From(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = new StringBuilder(id.Length);
        foreach (var character in id)
        {
            if (character is '%' or '/' or '\\' or '#' or '?' || char.IsControl(character))
            {
                key.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(character);
            }
        }

        return key.Length <= MaxReadableLength
            ? key.ToString()
            : StableHash.Hex("sha256-", id);
    }
}
