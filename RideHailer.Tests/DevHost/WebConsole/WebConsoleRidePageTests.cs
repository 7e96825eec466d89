using Microsoft.Playwright;
using RideHailer.Tests.Support.WebConsole;
using static Microsoft.Playwright.Assertions;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>
/// The ride panel in headless Chromium: the timeline in the booking's card, and the provider's buttons: off, with the
/// reason, on the built-in fleet; on the sample provider, a click posts the event and shows the webhook's answer.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class WebConsoleRidePageTests(BrowserFixture browser)
{
    static WebConsoleRidePageTests() => SetDefaultExpectTimeout(15_000);

    [ChromiumFact]
    public async Task BuiltInFleet_TheBookingShowsItsTimeline_AndTheProviderPanelSaysHowToPlayIt()
    {
        var page = await browser.OpenConsoleAsync();
        await Expect(page.Locator("#ride-current")).ToContainTextAsync("No ride yet");

        await BookAsync(page);

        var card = page.Locator("#bookings li[data-booking]");
        await Expect(card.Locator(".ride-timeline li[data-status=accepted]")).ToContainTextAsync("orchestration");
        await Expect(card.Locator(".ride-timeline li[data-status=accepted]")).ToContainTextAsync("ETA");
        await Expect(page.Locator("#ride-provider-note")).ToContainTextAsync("RideProvider:ServeSample=true");
        await Expect(page.Locator("#ride-current")).ToContainTextAsync("Latest ride: to Space Needle");
        await Expect(page.Locator("#ride-push button[data-push=arriving]")).ToBeDisabledAsync();
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task SampleProvider_ClickingArriving_PostsTheSignedEvent_ShowsTheWebhooks202_AndTheTimelineMoves()
    {
        await using var host = await ConsoleHost.StartAsync(new() { ["RideProvider:ServeSample"] = "true" });
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(host.Page.ToString());
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-busy", "false");
        await BookAsync(page);
        var timeline = page.Locator("#bookings li[data-booking] .ride-timeline");
        await Expect(timeline.Locator("li[data-status=accepted]")).ToContainTextAsync("dispatch");
        await Expect(page.Locator("#ride-provider-note")).ToContainTextAsync("sample provider");
        await Expect(page.Locator("#ride-push button[data-again=true]")).ToBeDisabledAsync();

        await page.Locator("#ride-push button[data-push=arriving]").ClickAsync();

        await Expect(page.Locator("#ride-push-result .webhook-answer")).ToHaveAttributeAsync("data-status", "202");
        await Expect(page.Locator("#ride-push-result .webhook-answer")).ToContainTextAsync("Webhook: HTTP 202");
        await Expect(page.Locator("#ride-push-result pre")).ToContainTextAsync("X-Ride-Signature: sha256=");
        // The timeline moves when the ride's orchestration has applied the event: the page reads it again by itself.
        await Expect(timeline.Locator("li[data-status=arriving]")).ToContainTextAsync("#1, orchestration");

        await page.Locator("#ride-push button[data-again=true]").ClickAsync();
        await Expect(page.Locator("#ride-push-result .webhook-answer")).ToHaveAttributeAsync("data-status", "200");
        await page.Locator("#ride-push button[data-tamper=signature]").ClickAsync();
        await Expect(page.Locator("#ride-push-result .webhook-answer")).ToHaveAttributeAsync("data-status", "401");
        await page.Locator("#ride-push button[data-tamper=ride]").ClickAsync();
        await Expect(page.Locator("#ride-push-result .webhook-answer")).ToHaveAttributeAsync("data-status", "404");
        await Expect(timeline.Locator("li")).ToHaveCountAsync(2);
        await page.CloseAsync();
    }

    /// <summary>Books a ride to the Space Needle as a rider who granted the permissions in the Alexa app.</summary>
    private static async Task BookAsync(IPage page)
    {
        await page.Locator("input[name=granted][value=in-app]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New run with this rider" }).ClickAsync();
        await Expect(page.Locator("#rider-description")).ToContainTextAsync("granted in the Alexa app");
        await SayAsync(page, "open ride hailer");
        await SayAsync(page, "the space needle");
        await SayAsync(page, "yes");
        await SayAsync(page, "1234");
        await Expect(page.Locator("#transcript li.card")).ToContainTextAsync("Your ride is booked");
    }

    /// <summary>Types what the rider says and waits until the page has the skill's answer.</summary>
    private static async Task SayAsync(IPage page, string said)
    {
        var count = await page.Locator("#transcript li.rider").CountAsync();
        await page.GetByLabel("The rider says").FillAsync(said);
        await page.GetByRole(AriaRole.Button, new() { Name = "Say", Exact = true }).ClickAsync();
        await Expect(page.Locator("#transcript li.rider")).ToHaveCountAsync(count + 1);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-busy", "false");
    }
}
