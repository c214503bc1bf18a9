namespace CareFlow.Infrastructure.Persistence;

/// <summary>PostgreSQL schemas. SQLite has no schemas; there the tables keep their names and the schema is dropped.</summary>
public static class CareFlowSchemas
{
    /// <summary>Care-domain and application tables (the default schema).</summary>
    public const string Domain = "careflow";

    /// <summary>Workflow engine tables: instances, bookmarks, execution logs.</summary>
    public const string Workflows = "workflows";

    /// <summary>Owned by Hangfire.PostgreSql, not by EF migrations.</summary>
    public const string Hangfire = "hangfire";

    public const string MigrationsHistoryTable = "__ef_migrations_history";
}
