using System.Text.RegularExpressions;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CareFlow.Infrastructure.Tests.Persistence;

/// <summary>The database names EFCore.NamingConventions gives both models (built without opening a connection).</summary>
public partial class NamingConventionTests
{
    [Theory]
    [InlineData("postgresql")]
    [InlineData("sqlite")]
    public void EveryTableColumnKeyAndIndexName_IsSnakeCase(string provider)
    {
        using var db = Create(provider);
        var names = Names(db).ToList();

        Assert.True(names.Count > 400, $"only {names.Count} names found");
        Assert.All(names, name => Assert.Matches(SnakeCase(), name));
    }

    [Theory]
    [InlineData("postgresql", "table", "data_protection_keys", "data_protection_keys")]
    [InlineData("sqlite", "column", "users", "normalized_user_name")]
    [InlineData("postgresql", "column", "audit_entries", "remote_ip")]
    [InlineData("sqlite", "column", "instances", "definition_version_id")]
    [InlineData("postgresql", "pk", "clients", "pk_clients")]
    [InlineData("sqlite", "pk", "user_roles", "pk_user_roles")]
    [InlineData("postgresql", "fk", "cases", "fk_cases_client_client_id")]
    [InlineData("sqlite", "fk", "user_roles", "fk_user_roles_users_user_id")]
    [InlineData("postgresql", "index", "cases", "ix_cases_coordinator_id_status")]
    [InlineData("sqlite", "index", "users", "ix_users_normalized_user_name")]
    public void Model_NamesTheObject(string provider, string kind, string table, string expected)
    {
        using var db = Create(provider);
        var mapped = Model(db).Tables.Single(t => t.Name == table);

        IEnumerable<string> names = kind switch
        {
            "table" => [mapped.Name],
            "column" => mapped.Columns.Select(c => c.Name),
            "pk" => [mapped.PrimaryKey!.Name],
            "fk" => mapped.ForeignKeyConstraints.Select(f => f.Name),
            "index" => mapped.Indexes.Select(i => i.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        Assert.Contains(expected, names);
    }

    private static CareFlowDbContext Create(string provider) => provider == "sqlite"
        ? SqliteCareFlowDbContext.Create(":memory:")
        : PostgresCareFlowDbContext.Create("Host=127.0.0.1;Port=1");

    private static IRelationalModel Model(DbContext db) => db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    private static IEnumerable<string> Names(DbContext db)
    {
        foreach (var table in Model(db).Tables)
        {
            yield return table.Name;
            foreach (var column in table.Columns) yield return column.Name;
            if (table.PrimaryKey is { } key) yield return key.Name;
            foreach (var unique in table.UniqueConstraints) yield return unique.Name;
            foreach (var foreignKey in table.ForeignKeyConstraints) yield return foreignKey.Name;
            foreach (var index in table.Indexes) yield return index.Name;
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
