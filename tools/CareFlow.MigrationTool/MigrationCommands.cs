using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace CareFlow.MigrationTool;

/// <summary>add / remove / list / check, each applied to both providers so their migrations stay in step.</summary>
internal static class MigrationCommands
{
    private const string RootNamespace = "CareFlow.Infrastructure";
    private const string Usage = "usage: dotnet run --project tools/CareFlow.MigrationTool -- add <Name> | remove | list | check";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["add", var name] when IsIdentifier(name) => Add(name, output),
                ["remove"] => Remove(output),
                ["list"] => List(output),
                ["check"] => Check(output),
                _ => Fail(error, Usage),
            };
        }
        catch (Exception ex) when (ex is OperationException or InvalidOperationException)
        {
            return Fail(error, "error: " + ex.Message);
        }
    }

    private static int Add(string name, TextWriter output)
    {
        var projectDir = RepositoryPaths.InfrastructureProject();
        if (!ProviderTarget.All.Any(HasModelChanges))
        {
            output.WriteLine("warning: the model has no changes since the last migration; adding empty migrations.");
        }

        foreach (var target in ProviderTarget.All)
        {
            using var context = target.CreateContext();
            var scaffolder = Scaffolder(context, output);
            var migration = scaffolder.ScaffoldMigration(name, RootNamespace, target.SubNamespace, "C#");
            var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations", target.Folder));
            output.WriteLine($"{target.Folder}: {files.MigrationFile}");
            output.WriteLine($"{target.Folder}: {files.SnapshotFile}");
        }

        return 0;
    }

    private static int Remove(TextWriter output)
    {
        var projectDir = RepositoryPaths.InfrastructureProject();
        foreach (var target in ProviderTarget.All)
        {
            using var context = target.CreateContext();
            // force: do not ask a database whether the migration was applied (there is none at design time).
            var files = Scaffolder(context, output).RemoveMigration(projectDir, RootNamespace, force: true, "C#");
            output.WriteLine($"{target.Folder}: removed {files.MigrationFile ?? "(no migration file)"}");
        }

        return 0;
    }

    private static int List(TextWriter output)
    {
        foreach (var target in ProviderTarget.All)
        {
            using var context = target.CreateContext();
            foreach (var id in context.Database.GetMigrations())
            {
                output.WriteLine($"{target.Folder}: {id}");
            }
        }

        return 0;
    }

    private static int Check(TextWriter output)
    {
        var stale = ProviderTarget.All.Where(HasModelChanges).Select(t => t.Folder).ToList();
        output.WriteLine(stale.Count == 0
            ? "Migrations match the model for every provider."
            : $"The model has changes without a migration for: {string.Join(", ", stale)}. Run: add <Name>");
        return stale.Count == 0 ? 0 : 1;
    }

    private static bool HasModelChanges(ProviderTarget target)
    {
        using var context = target.CreateContext();
        return context.Database.HasPendingModelChanges();
    }

    private static IMigrationsScaffolder Scaffolder(CareFlowDbContext context, TextWriter output)
    {
        var reporter = new OperationReporter(new OperationReportHandler(
            message => output.WriteLine("error: " + message),
            message => output.WriteLine("warning: " + message),
            output.WriteLine,
            _ => { }));
        var services = new DesignTimeServicesBuilder(typeof(CareFlowDbContext).Assembly, typeof(MigrationCommands).Assembly, reporter, [])
            .Build(context);
        return services.GetRequiredService<IMigrationsScaffolder>();
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return 1;
    }
}
