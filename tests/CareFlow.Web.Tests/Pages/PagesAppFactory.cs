using CareFlow.Core.Care;
using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages;

/// <summary>
/// The embedded default (SQLite) without demo data, with two coordinators, a supervisor and an admin who sign in
/// through the real form. Tests seed their own rows through <see cref="ICareData"/>, the app's unit of work.
/// </summary>
public sealed class PagesAppFactory : WebApplicationFactory<Program>
{
    public const string Coordinator = "cora";
    public const string OtherCoordinator = "colin";
    public const string Supervisor = "sam";
    public const string Admin = "ada";
    public const string Password = "pages-tests-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-pages-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:DemoData", "false");
        builder.UseSetting("RightsSummary:Contact", "Questions? Call Pat at 555-0100.");
        string[][] users = [[Coordinator, CareFlowRoles.Coordinator], [OtherCoordinator, CareFlowRoles.Coordinator], [Supervisor, CareFlowRoles.Supervisor], [Admin, CareFlowRoles.Admin]];
        for (var i = 0; i < users.Length; i++)
        {
            builder.UseSetting($"CareFlow:Users:{i}:UserName", users[i][0]);
            builder.UseSetting($"CareFlow:Users:{i}:PasswordHash", hash);
            builder.UseSetting($"CareFlow:Users:{i}:Roles:0", users[i][1]);
        }
    }

    /// <summary>A client holding the session cookie of <paramref name="userName"/>, signed in through the real form.</summary>
    public Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken) =>
        FormSession.SignInAsync(this, userName, Password, "/", cancellationToken);

    /// <summary>Runs <paramref name="seed"/> in a scope of the app and commits.</summary>
    public async Task SeedAsync(Action<ICareData> seed, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        seed(data);
        await data.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds a client and an open case on <paramref name="coordinator"/>'s caseload; returns the case.</summary>
    public static Case AddCase(ICareData data, string coordinator, string givenName = "Alex", string familyName = "Rivera")
    {
        var client = new Client
        {
            Id = Guid.NewGuid(), GivenName = givenName, FamilyName = familyName, NormalizedName = $"{givenName} {familyName}".ToLowerInvariant(),
            DateOfBirth = new DateOnly(1990, 1, 2), CreatedAt = DateTimeOffset.UtcNow,
        };
        var @case = new Case
        {
            Id = Guid.NewGuid(), ClientId = client.Id, CoordinatorId = coordinator, CoordinatorName = coordinator, Stage = CaseStage.Referral,
            Status = CaseStatus.Open, OpenedAt = DateTimeOffset.UtcNow,
        };
        data.Add(client);
        data.Add(@case);
        return @case;
    }

    /// <summary>Extracts the anti-forgery field of the first form on a page.</summary>
    public static KeyValuePair<string, string> Antiforgery(string html)
    {
        return new(FormSession.TokenFieldName, FormSession.Token(html));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

}
