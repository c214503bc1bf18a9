using System.Diagnostics;
using System.Net;

namespace CareFlow.Web.Tests.Security;

/// <summary>A database without users: the sign-in page explains create-admin, and the command works end to end.</summary>
public sealed class FirstRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInPage_WithNoUsers_TellsHowToCreateTheFirstAdmin_AndAnonymousHomeRedirectsThere()
    {
        await using var app = new CareFlowApp<CareFlowAppOptions>();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var html = await client.GetStringAsync("/account/sign-in", Cancel);
        Assert.Contains("No account exists yet", html, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/CareFlow.Web -- create-admin &lt;user-name&gt;", html, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/designer");
        request.Headers.Accept.ParseAdd("text/html");
        using var home = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_CreatesOnce_EnforcesRules_AndTheAdminCanSignIn()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-create-admin", Guid.NewGuid().ToString("N"));
        try
        {
            var (tooShort, _, shortError) = await RunAsync(dataDirectory, "short", "create-admin", "root");
            Assert.Equal(4, tooShort);
            Assert.Contains("12 characters", shortError, StringComparison.Ordinal);

            var (noPassword, _, _) = await RunAsync(dataDirectory, "", "create-admin", "root");
            Assert.Equal(2, noPassword);
            var (usage, _, _) = await RunAsync(dataDirectory, "a-long-enough-password", "create-admin");
            Assert.Equal(2, usage);

            var (created, output, _) = await RunAsync(dataDirectory, "a-long-enough-password", "create-admin", "root");
            Assert.Equal(0, created);
            Assert.Contains("Administrator 'root' created", output, StringComparison.Ordinal);

            var (again, _, againError) = await RunAsync(dataDirectory, "another-long-password", "create-admin", "root");
            Assert.Equal(3, again);
            Assert.Contains("already exists", againError, StringComparison.Ordinal);

            await using var app = CareFlowApp.Create(new CareFlowAppOptions { DataDirectory = dataDirectory });
            using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            using var signIn = await Forms.PostSignInAsync(client, "root", "a-long-enough-password", "/admin/users", Cancel);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var users = await client.GetStringAsync("/admin/users", Cancel);
            Assert.Contains("root", users, StringComparison.Ordinal);
            var audit = await client.GetStringAsync("/admin/audit?user=create-admin", Cancel);
            Assert.Contains("user-admin", audit, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
                Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>Runs the built CareFlow.Web as the operator would, password on standard input.</summary>
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dataDirectory, string stdin, params string[] args)
    {
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["CareFlow__DataDirectory"] = dataDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
