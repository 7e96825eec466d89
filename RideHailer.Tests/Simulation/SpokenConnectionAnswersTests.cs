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

    [Theory]
    [InlineData("Ich stimme zu", ConsentAnswer.Accepted)]
    [InlineData("ja", ConsentAnswer.Accepted)]
    [InlineData("Ja, ich stimme zu.", ConsentAnswer.Accepted)]
    [InlineData("nein", ConsentAnswer.Denied)]
    [InlineData("Ich stimme nicht zu", ConsentAnswer.Denied)]
    public void Consent_InAGermanSession_IsAnsweredInGerman(string said, ConsentAnswer answer) =>
        Assert.Equal(answer, SpokenConnectionAnswers.Consent(said, "de-DE"));

    [Theory]
    [InlineData("I approve", "de-DE")]
    [InlineData("ich stimme zu", "en-US")]
    [InlineData("ja", "en-GB")]
    public void Consent_InTheOtherLanguage_IsNoAnswer(string said, string locale) => Assert.Null(SpokenConnectionAnswers.Consent(said, locale));

    [Theory]
    [InlineData("eins zwei drei vier", PinAnswer.Achieved)]
    [InlineData("eins zwo drei vier", PinAnswer.Achieved)]
    [InlineData("1 2 3 4", PinAnswer.Achieved)]
    [InlineData("eins zwei drei fünf", PinAnswer.NotMatch)]
    [InlineData("ja", null)]
    public void Pin_InAGermanSession_IsSaidInGermanDigits(string said, PinAnswer? answer) =>
        Assert.Equal(answer, SpokenConnectionAnswers.Pin(said, SpokenConnectionAnswers.SampleProfilePin, "de-DE"));

    [Fact]
    public void AmazonsQuestions_AreAskedInTheSessionsLanguage()
    {
        string[] scopes = ["alexa::profile:given_name:read", "alexa::devices:all:geolocation:read", "alexa::profile:mobile_number:read"];

        Assert.Equal(
            "Erlaubst du Ride Hailer, auf deinen Namen, deinen aktuellen Standort und deine Handynummer zuzugreifen? Du kannst 'Ich stimme zu' oder 'Nein' sagen.",
            ConsentQuestion.For("Ride Hailer", scopes, "de-DE"));
        Assert.Equal(
            "Do you give Ride Hailer permission to access your name, current location, and mobile number? You can say 'I approve' or 'no'.",
            ConsentQuestion.For("Ride Hailer", scopes, "en-GB"));
        Assert.Equal("Wie lautet deine Profil-PIN?", AmazonSide.PinQuestionIn("de-DE"));
        Assert.Equal("What's your profile PIN?", AmazonSide.PinQuestionIn("en-IN"));
        Assert.Equal("You: Ich stimme zu.", ConsentAnswer.Accepted.RiderTurn("de-DE"));
        Assert.Equal("You: Eins zwei drei vier.", PinAnswer.Achieved.RiderTurn("de-DE"));
    }
}
