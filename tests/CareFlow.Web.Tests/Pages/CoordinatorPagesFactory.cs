using CareFlow.Core.Care;
using CareFlow.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.Web.Tests.Pages;

/// <summary>The embedded default with the repository's workflows and two coordinators, each with their own caseload, and a supervisor.</summary>
public sealed class CoordinatorPagesFactory : WebApplicationFactory<Program>
{
    public const string Ann = "ann";
    public const string Ben = "ben";
    public const string Sue = "sue";
    public const string Password = "pages-tests-password";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "careflow-pages-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var hash = PasswordHashing.Hash(Password);
        builder.UseSetting("CareFlow:DataDirectory", _dataDirectory);
        builder.UseSetting("CareFlow:WorkflowsDirectory", Path.Combine(Architecture.RepositoryRoot.Path, "workflows"));
        // No demo seeding: the tests count rows and must not race the seeder.
        builder.UseSetting("CareFlow:DemoData", "false");
        builder.UseSetting("CareFlow:Users:0:UserName", Ann);
        builder.UseSetting("CareFlow:Users:0:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:0:Roles:0", CareFlowRoles.Coordinator);
        builder.UseSetting("CareFlow:Users:1:UserName", Ben);
        builder.UseSetting("CareFlow:Users:1:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:1:Roles:0", CareFlowRoles.Coordinator);
        builder.UseSetting("CareFlow:Users:2:UserName", Sue);
        builder.UseSetting("CareFlow:Users:2:PasswordHash", hash);
        builder.UseSetting("CareFlow:Users:2:Roles:0", CareFlowRoles.Supervisor);
    }

    public Task<HttpClient> SignInAsync(string userName, CancellationToken cancellationToken) =>
        FormSession.SignInAsync(this, userName, Password, "/", cancellationToken);

    /// <summary>Counts rows of one entity type in the app's database.</summary>
    public async Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? filter = null)
        where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<ICareData>();
        var query = data.Query<T>();
        return await data.CountAsync(filter is null ? query : filter(query));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }
}
