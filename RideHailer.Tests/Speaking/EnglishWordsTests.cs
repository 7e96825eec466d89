using RideHailer.Skill.Speech;
using RideHailer.Tests.Support.Speaking;

namespace RideHailer.Tests.Speaking;

public sealed class EnglishWordsTests
{
    [Theory]
    [InlineData("15", "fifteen dollars")]
    [InlineData("1", "one dollar")]
    [InlineData("12.50", "twelve dollars and fifty cents")]
    [InlineData("0.50", "fifty cents")]
    [InlineData("0.01", "one cent")]
    [InlineData("21.01", "twenty-one dollars and one cent")]
    [InlineData("100", "one hundred dollars")]
    [InlineData("115.75", "one hundred fifteen dollars and seventy-five cents")]
    [InlineData("1250", "one thousand two hundred fifty dollars")]
    [InlineData("0", "zero dollars")]
    public void Dollars_AreSpokenInWords(string amount, string words)
    {
        Assert.Equal(words, Spoken.Dollars(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(10, "ten minutes")]
    [InlineData(1, "one minute")]
    [InlineData(0.5, "one minute")]
    [InlineData(0, "one minute")]
    [InlineData(9.2, "ten minutes")]
    [InlineData(8, "eight minutes")]
    [InlineData(45, "forty-five minutes")]
    public void Minutes_AreWholeRoundedUpAndNeverZero(double minutes, string words)
    {
        Assert.Equal(words, Spoken.Minutes(TimeSpan.FromMinutes(minutes)));
    }

    [Theory]
    [InlineData(new string[0], "")]
    [InlineData(new[] { "name" }, "name")]
    [InlineData(new[] { "name", "mobile number" }, "name and mobile number")]
    [InlineData(new[] { "name", "current location", "mobile number" }, "name, current location, and mobile number")]
    public void List_UsesAndWithSerialComma(string[] items, string spoken)
    {
        Assert.Equal(spoken, EnglishWords.List(items));
    }

    [Theory]
    [InlineData(0, "zero")]
    [InlineData(13, "thirteen")]
    [InlineData(40, "forty")]
    [InlineData(99, "ninety-nine")]
    [InlineData(101, "one hundred one")]
    [InlineData(2_000_005, "two million five")]
    public void Number_IsSpokenInWords(long value, string words)
    {
        Assert.Equal(words, EnglishWords.Number(value));
    }
}
