using Microsoft.Playwright;

namespace CareFlow.BrowserTests;

/// <summary>What every browser-test host shares: the artifacts folder and Debian's Chromium.</summary>
internal static class BrowserTestEnvironment
{
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CAREFLOW_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Fails with a clear message when Chromium is missing: browsers are never downloaded.</summary>
    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {ChromiumPath}. Install Debian's package (apt-get install chromium; scripts/test.sh does this) "
                + "or point CAREFLOW_TEST_CHROMIUM at a Chromium binary. Browsers are never downloaded.");
        }
    }

    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        // Playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"],
    });

    /// <summary><c>$CAREFLOW_TEST_ARTIFACTS</c>, else <c>test-artifacts/</c> at the repository root.</summary>
    public static string ArtifactsDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("CAREFLOW_TEST_ARTIFACTS");
        if (!string.IsNullOrWhiteSpace(configured))
            return configured;
        return RepositoryRoot.Combine("test-artifacts");
    }
}
