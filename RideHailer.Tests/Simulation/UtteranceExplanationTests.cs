using RideHailer.Simulation;

namespace RideHailer.Tests.Simulation;

/// <summary>The one line <c>chat --explain</c> and the console show for each utterance: its intent and slots, or a miss.</summary>
public sealed class UtteranceExplanationTests
{
    private static readonly UtteranceResolver Resolver = new(InteractionModel.EnUs);

    [Theory]
    [InlineData("to the space needle please", "heard OrderRideIntent: destination = 'the space needle' (PlaceName: space-needle), rideType empty")]
    [InlineData("Alexa, ask Ride Hailer for a cab to the moon", "heard OrderRideIntent (one-shot): destination = 'the moon' (PlaceName: no match), rideType empty")]
    [InlineData("book a ride", "heard OrderRideIntent: destination empty, rideType empty")]
    [InlineData("get me an XL to the airport", "heard OrderRideIntent: destination = 'the airport' (PlaceName: seattle-tacoma-international-airport), rideType = 'xl' (RIDE_TYPE: xl)")]
    [InlineData("where is my ride", "heard RideStatusIntent")]
    [InlineData("yes", "heard AMAZON.YesIntent")]
    [InlineData("open ride hailer", "heard a launch: LaunchRequest")]
    [InlineData("what's the weather like", "matched nothing in the interaction model: AMAZON.FallbackIntent")]
    public void Utterance_IsExplainedAsItsIntentAndSlots(string said, string explanation) =>
        Assert.Equal(explanation, UtteranceExplanation.Of(Resolver.Resolve(said)));

    [Theory]
    [InlineData("")]
    [InlineData("quit")]
    public void SilenceAndQuit_HaveNoExplanation(string said) => Assert.Null(UtteranceExplanation.Of(Resolver.Resolve(said)));
}
