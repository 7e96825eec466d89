using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace RideHailer.Skill.Storage;

internal sealed partial class TablesOptionsValidator : IValidateOptions<TablesOptions>
{
    public ValidateOptionsResult Validate(string? name, TablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.BookingsTable is null || !TableName().IsMatch(options.BookingsTable))
        {
            failures.Add($"Tables:BookingsTable '{options.BookingsTable}' is not a table name: use 3 to 63 letters and digits, starting with a letter.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"Tables:RequestTimeout {options.RequestTimeout} must be more than zero and at most 00:01:00.");
        }

        if (options.MaxRetries is < 0 or > 5)
        {
            failures.Add($"Tables:MaxRetries {options.MaxRetries} must be from 0 to 5.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableName();
}
