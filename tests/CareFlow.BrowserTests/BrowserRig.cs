using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>Shared by the browser fixtures: Debian's Chromium through Playwright, never a downloaded browser.</summary>
internal static class BrowserRig
{
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CAREFLOW_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Fails with a clear message when Debian's Chromium is missing.</summary>
    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install Debian's package (apt-get install chromium; scripts/test.sh does this) "
                + "or point CAREFLOW_TEST_CHROMIUM at a Chromium binary. Browsers are never downloaded.");
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
}
