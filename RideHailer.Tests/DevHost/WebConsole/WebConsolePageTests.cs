using Microsoft.Playwright;
using RideHailer.Tests.Support.Infra;
using RideHailer.Tests.Support.WebConsole;
using static Microsoft.Playwright.Assertions;

namespace RideHailer.Tests.DevHost.WebConsole;

/// <summary>
/// The console in headless Chromium, as a developer uses it: typing or clicking what the rider says, choosing
/// Amazon's outcome, reading the panels. Every wait is on what the page shows, never on time.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class WebConsolePageTests(BrowserFixture browser)
{
    /// <summary>Set to 1 to write the screenshot at the consent step over docs/console.png (the README shows it).</summary>
    private const string UpdateScreenshotVariable = "RIDEHAILER_UPDATE_CONSOLE_SCREENSHOT";

    static WebConsolePageTests() => SetDefaultExpectTimeout(15_000);

    [ChromiumFact]
    public async Task BookedRide_ConsentAcceptedYesPinAchieved_ShowsTheBookingInTheBookingsPanel()
    {
        var page = await browser.OpenConsoleAsync();
        // The page starts with the rider's text box focused, and is driven from the keyboard.
        await Expect(page.Locator("#say-text")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("open ride hailer");
        await page.Keyboard.PressAsync("Enter");
        await Expect(Transcript(page)).ToContainTextAsync("Welcome to Ride Hailer. Where would you like to go?");

        await Quick(page, "the space needle").ClickAsync();
        await Expect(page.Locator("#amazon-question")).ToContainTextAsync("Do you give Ride Hailer permission to access your name");
        await Expect(page.Locator("#amazon-choices button")).ToHaveCountAsync(9);
        await Expect(page.Locator("#amazon-token")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^consent\\."));
        await Expect(page.Locator("#session-state")).ToContainTextAsync("AwaitingConsent");
        // The rider answers Alexa by typing, so the text box keeps the focus; Amazon's buttons are one click away.
        await Expect(page.Locator("#say-text")).ToBeFocusedAsync();
        await Expect(page.Locator("[data-outcome=accepted]")).ToBeVisibleAsync();
        await page.Keyboard.TypeAsync("I approve");
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "console.png") });
        if (Environment.GetEnvironmentVariable(UpdateScreenshotVariable) == "1")
        {
            await File.WriteAllBytesAsync(RepositoryDirectory.PathOf("docs", "console.png"), shot);
        }

        await page.Keyboard.PressAsync("Enter");
        await Expect(Transcript(page)).ToContainTextAsync("Do you want me to book it?");
        await Expect(page.Locator("#amazon-side")).ToBeHiddenAsync();

        await Quick(page, "yes").ClickAsync();
        await Expect(page.Locator("#amazon-question")).ToHaveTextAsync("Alexa: What's your profile PIN?");
        await Expect(page.Locator("#amazon-choices button")).ToHaveCountAsync(10);
        await page.Locator("[data-outcome=achieved]").ClickAsync();

        await Expect(Transcript(page).Locator("li.card")).ToContainTextAsync("Your ride is booked");
        await Expect(Transcript(page).Locator("li.session-ended")).ToBeVisibleAsync();
        await Expect(page.Locator("#bookings li[data-booking]")).ToContainTextAsync("To Space Needle");
        await Expect(page.Locator("#session-state")).ToContainTextAsync("Completed");
        await Expect(page.Locator("#session-state")).ToContainTextAsync("Booked");

        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task ConsentAndPin_AnsweredByTypingWhatTheRiderSays_BookTheRide()
    {
        var page = await browser.OpenConsoleAsync();
        await Expect(page).ToHaveTitleAsync("Ride Hailer web console");
        await Expect(page.Locator("link[rel=icon]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#host-info")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("^Requests are signed(, but the host does not check them| as Alexa signs them, and the host checks every signature)"));
        await Expect(page.Locator("#rider-description")).ToContainTextAsync("profile PIN 1234");
        await SayAsync(page, "open ride hailer");
        await Expect(page.Locator("#say-text")).ToHaveAttributeAsync("placeholder", "take me to the space needle");
        await SayAsync(page, "the space needle");
        await Expect(page.Locator("[data-outcome=accepted]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Approve \\(ACCEPTED\\)"));
        await Expect(page.Locator("#say-text")).ToHaveAttributeAsync("placeholder", "I approve — or no");

        await SayAsync(page, "I approve");
        await Expect(Transcript(page)).ToContainTextAsync("Do you want me to book it?");
        await SayAsync(page, "yes");
        await Expect(page.Locator("[data-outcome=not-match]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Wrong PIN \\(NOT_MATCH\\)"));
        await SayAsync(page, "1234");

        await Expect(Transcript(page).Locator("li.card")).ToContainTextAsync("Your ride is booked");
        await Expect(page.Locator("#bookings li[data-booking]")).ToContainTextAsync("To Space Needle");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task ConsentDenied_ShowsThePermissionsCardAsACard()
    {
        var page = await browser.OpenConsoleAsync();
        await SayAsync(page, "open ride hailer");
        await SayAsync(page, "the space needle");

        await page.Locator("[data-outcome=denied]").ClickAsync();

        var card = Transcript(page).Locator("li.card");
        await Expect(card).ToContainTextAsync("AskForPermissionsConsent");
        await Expect(card.Locator("code").First).ToContainTextAsync("alexa::profile:");
        await Expect(Transcript(page).Locator("li.session-ended")).ToBeVisibleAsync();
        await Expect(page.Locator("#bookings")).ToContainTextAsync("No bookings for this rider.");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task PinNotMatchTwice_OffersOneRetryThenEndsWithoutBooking()
    {
        var page = await browser.OpenConsoleAsync();
        await page.Locator("input[name=granted][value=in-app]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "New run with this rider" }).ClickAsync();
        await Expect(page.Locator("#rider-description")).ToContainTextAsync("granted in the Alexa app");
        await SayAsync(page, "open ride hailer");
        await SayAsync(page, "the space needle");
        await Expect(Transcript(page)).ToContainTextAsync("Do you want me to book it?");

        await SayAsync(page, "yes");
        await page.Locator("[data-outcome=not-match]").ClickAsync();
        await Expect(page.Locator("#amazon-side")).ToBeHiddenAsync();
        await Expect(page.Locator("#session-state")).ToContainTextAsync("AwaitingPinRetryAnswer");
        await SayAsync(page, "yes");
        await page.Locator("[data-outcome=not-match]").ClickAsync();

        await Expect(Transcript(page).Locator("li.session-ended")).ToBeVisibleAsync();
        await Expect(Transcript(page).Locator("li.aside")).ToHaveCountAsync(2);
        await Expect(page.Locator("#bookings")).ToContainTextAsync("No bookings for this rider.");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task WirePanels_ShowTheStartConnectionWithoutShouldEndSession()
    {
        var page = await browser.OpenConsoleAsync();
        await SayAsync(page, "open ride hailer");
        await SayAsync(page, "the space needle");

        var exchange = page.Locator("#exchanges details").Last;
        await Expect(exchange.Locator("summary")).ToContainTextAsync("IntentRequest");
        await Expect(exchange.Locator("summary")).ToContainTextAsync("HTTP 200");
        await Expect(exchange.Locator("summary")).ToContainTextAsync("StartConnection");
        var request = exchange.Locator(".body-part").Nth(0).Locator("pre");
        var response = exchange.Locator(".body-part").Nth(1).Locator("pre");
        await Expect(request).ToContainTextAsync("\"OrderRideIntent\"");
        await Expect(response).ToContainTextAsync("\"Connections.StartConnection\"");
        await Expect(response).ToContainTextAsync("connection://AMAZON.AskForPermissionsConsent/2");
        await Expect(response).Not.ToContainTextAsync("shouldEndSession");
        // Collapsible: the summary folds the bodies away.
        await exchange.Locator("summary").ClickAsync();
        await Expect(response).ToBeHiddenAsync();
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task PanelsWhoseScriptsLoadAfterTheRunStarted_ShowTheRunAllTheSame()
    {
        // A loaded host can answer the page's first API calls before it has served the panels' scripts: the page has
        // then started its run and read its state before they listen. They are given that state when they load.
        var page = await browser.Browser.NewPageAsync();
        var scriptsHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(
            url => url.EndsWith("/alexa-app.js", StringComparison.Ordinal) || url.EndsWith("/rides.js", StringComparison.Ordinal),
            async route =>
            {
                await scriptsHeld.Task;
                await route.ContinueAsync();
            });
        var loading = page.GotoAsync(browser.Host.Page.ToString());
        // Drawn in the same task that announces the state to the panels: by now it has been announced.
        await Expect(page.Locator("#booking-store")).ToContainTextAsync("From the booking store");

        scriptsHeld.SetResult();
        await loading;

        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("Ride Hailer is enabled · account linked");
        await page.CloseAsync();
    }

    [ChromiumFact]
    public async Task AlexaAppPanel_DisableAfterABooking_ShowsTheEventAndNoBookingLeft_ThenPermissionsAreSaved()
    {
        var page = await browser.OpenConsoleAsync();
        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("Ride Hailer is enabled · account linked");
        await Expect(page.Locator("#alexa-app-scopes input")).ToHaveCountAsync(4);
        await SayAsync(page, "open ride hailer");
        await SayAsync(page, "the space needle");
        await SayAsync(page, "I approve");
        await SayAsync(page, "yes");
        await SayAsync(page, "1234");
        await Expect(page.Locator("#bookings li[data-booking]")).ToContainTextAsync("To Space Needle");
        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("granted: first name (the speaker's), mobile number (the speaker's), location");

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable the skill" }).ClickAsync();

        await Expect(Transcript(page).Locator("li.alexa-app")).ToHaveTextAsync("Alexa app: skill disabled; Alexa unlinked the account and revoked its permissions");
        await Expect(page.Locator("#exchanges details").Last.Locator("summary")).ToContainTextAsync("AlexaSkillEvent.SkillDisabled");
        await Expect(page.Locator("#exchanges details").Last.Locator("summary")).ToContainTextAsync("HTTP 200");
        await Expect(page.Locator("#bookings")).ToContainTextAsync("No bookings for this rider.");
        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("Ride Hailer is disabled · account not linked");
        await Expect(page.Locator("#alexa-app-scopes input:checked")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Enable the skill" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Link the account" }).ClickAsync();
        await page.GetByLabel("mobile number").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save permissions" }).ClickAsync();

        await Expect(Transcript(page).Locator("li.alexa-app").Last).ToHaveTextAsync("Alexa app: permissions set to mobile number");
        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("Ride Hailer is enabled · account linked");
        await Expect(page.Locator("#alexa-app-status")).ToContainTextAsync("granted: mobile number");
        await Expect(page.Locator("#alexa-app-scopes input:checked")).ToHaveCountAsync(1);
        await page.Locator("#alexa-app").ScrollIntoViewIfNeededAsync();
        var shot = Path.Combine(AppContext.BaseDirectory, "console-alexa-app.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        await page.CloseAsync();
    }

    private static ILocator Transcript(IPage page) => page.Locator("#transcript");

    private static ILocator Quick(IPage page, string utterance) =>
        page.Locator("#quick").GetByRole(AriaRole.Button, new() { Name = utterance, Exact = true });

    /// <summary>Types what the rider says and waits until the page has the skill's answer.</summary>
    private static async Task SayAsync(IPage page, string said)
    {
        var count = await Transcript(page).Locator("li.rider").CountAsync();
        await page.GetByLabel("The rider says").FillAsync(said);
        await page.GetByRole(AriaRole.Button, new() { Name = "Say", Exact = true }).ClickAsync();
        await Expect(Transcript(page).Locator("li.rider")).ToHaveCountAsync(count + 1);
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-busy", "false");
    }
}
