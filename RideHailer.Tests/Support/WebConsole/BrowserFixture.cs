using Microsoft.Playwright;

namespace RideHailer.Tests.Support.WebConsole;

/// <summary>
/// One console host and one headless Chromium for the browser tests, started once; each test opens its own page,
/// which starts its own run. Nothing is started where there is no browser (the tests are skipped there).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private ConsoleHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal ConsoleHost Host => _host ?? throw new InvalidOperationException("No browser: the tests using it are skipped.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("No browser: the tests using it are skipped.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            // Required (CI): every browser test fails with the reason instead of being skipped.
            if (ChromiumFactAttribute.Required)
            {
                throw new InvalidOperationException(ChromiumFactAttribute.Missing);
            }

            return;
        }

        _host = await ConsoleHost.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            // Containers give Chromium no user namespaces for its sandbox, and a small /dev/shm.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh page on the console at a laptop's size, loaded and ready for the rider (its run started).</summary>
    public async Task<IPage> OpenConsoleAsync()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        await page.GotoAsync(Host.Page.ToString());
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-busy", "false");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollectionDefinition : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
