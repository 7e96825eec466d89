using RideHailer.Simulation;

namespace RideHailer.Tests.Simulation;

/// <summary>What a rider says inside Alexa's consent and PIN tasks, as Amazon's answer.</summary>
public sealed class SpokenConnectionAnswersTests
{
    [Theory]
    [InlineData("I approve", ConsentAnswer.Accepted)]
    [InlineData("Yes.", ConsentAnswer.Accepted)]
    [InlineData("no", ConsentAnswer.Denied)]
    [InlineData("I don't approve!", ConsentAnswer.Denied)]
    public void Consent_IsAcceptedOrDenied(string said, ConsentAnswer answer) => Assert.Equal(answer, SpokenConnectionAnswers.Consent(said));

    [Theory]
    [InlineData("the airport")]
    [InlineData("")]
    public void Consent_AnythingElse_IsNoAnswer(string said) => Assert.Null(SpokenConnectionAnswers.Consent(said));

    [Theory]
    [InlineData("1234", PinAnswer.Achieved)]
    [InlineData("1 2 3 4", PinAnswer.Achieved)]
    [InlineData("One two three four.", PinAnswer.Achieved)]
    [InlineData("1235", PinAnswer.NotMatch)]
    [InlineData("nine nine oh nine", PinAnswer.NotMatch)]
    public void Pin_FourDigits_AreCheckedAgainstTheProfilePin(string said, PinAnswer answer) =>
        Assert.Equal(answer, SpokenConnectionAnswers.Pin(said, SpokenConnectionAnswers.SampleProfilePin));

    [Theory]
    [InlineData("123")]
    [InlineData("12345")]
    [InlineData("yes")]
    public void Pin_AnythingButFourDigits_IsNoAnswer(string said) => Assert.Null(SpokenConnectionAnswers.Pin(said, "1234"));
}
