using System.Globalization;
using CareFlow.Core.Audit;
using CareFlow.Infrastructure.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>
/// The one model for both providers. Inject this type; each provider has a subclass only so that it gets its own
/// migrations (Migrations/Postgres, Migrations/Sqlite). Entity mappings (IEntityTypeConfiguration) live next to their adapters; Identity, sessions, audit and data-protection keys in Configurations/. The ASP.NET Core
/// Identity stores (users, roles, their claims, logins and tokens) live here too, so an account change and its audit
/// row can share a transaction and one database holds everything.
/// </summary>
public abstract class CareFlowDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser, IdentityRole, string>(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The append-only audit log (the database rejects UPDATE and DELETE on it).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// Fixed rather than taken from <c>IdentityOptions.Stores</c>, so that the design-time model (migration tool) and the
    /// run-time model are the same. Version 2: users, roles, claims, logins, tokens; no passkeys.
    /// </summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version2;

    /// <summary>"postgresql" or "sqlite", as shown by /health.</summary>
    public abstract string ProviderName { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(CareFlowSchemas.Domain);
        builder.ApplyConfigurationsFromAssembly(typeof(CareFlowDbContext).Assembly);
    }

    /// <summary>
    /// snake_case names (EFCore.NamingConventions) for every table, column, key, foreign key and index that a
    /// configuration does not name explicitly.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseSnakeCaseNamingConvention(CultureInfo.InvariantCulture);
    }
}
