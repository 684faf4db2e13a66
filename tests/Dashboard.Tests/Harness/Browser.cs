using Microsoft.Playwright;

namespace HarmonySim.Dashboard.Tests.Harness;

/// <summary>
/// Debian's chromium driven by Playwright (no browser download: the executable is configured). Every console error,
/// page error, failed request and HTTP error answer is collected; <see cref="AssertClean"/> fails the test on any.
/// Screenshots go beside the test results.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    /// <summary>Where Debian's package puts chromium; HARMONYSIM_CHROMIUM overrides it.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("HARMONYSIM_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _problems = [];
    private readonly TestContext _context;

    private Browser(IPlaywright playwright, IBrowser browser, IPage page, TestContext context)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        _context = context;
        page.Console += (_, m) => { if (m.Type == "error") Problem($"console error: {m.Text}"); };
        page.PageError += (_, e) => Problem($"page error: {e}");
        page.RequestFailed += (_, r) => Problem($"request failed: {r.Method} {r.Url} ({r.Failure})");
        page.Response += (_, r) => { if (r.Status >= 400) Problem($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
    }

    public IPage Page { get; }

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task<Browser> Open(TestContext context)
    {
        if (!File.Exists(Executable)) Assert.Fail($"no chromium at {Executable}: test.sh installs Debian's chromium (apt-get install -y chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable, Headless = true, Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        return new Browser(playwright, browser, page, context);
    }

    public async Task Screenshot(string name)
    {
        // Beside the test results (dotnet test's TestResults folder in the test's output), where they outlive the run.
        var folder = ScreenshotFolder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{_context.TestName}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _context.AddResultFile(path);
    }

    public void AssertClean()
    {
        lock (_problems) Assert.IsEmpty(_problems, "the page had problems:\n" + string.Join("\n", _problems));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private void Problem(string text)
    {
        lock (_problems) _problems.Add(text);
    }
}
