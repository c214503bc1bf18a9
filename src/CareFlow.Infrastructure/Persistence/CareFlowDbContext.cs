using CareFlow.Infrastructure.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>
/// The one model for both providers. Inject this type; each provider has a subclass only so that it gets its own
/// migrations (Migrations/Postgres, Migrations/Sqlite). Entity mappings live in Configurations/.
/// </summary>
public abstract class CareFlowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>"postgresql" or "sqlite", as shown by /health.</summary>
    public abstract string ProviderName { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(CareFlowSchemas.Domain);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CareFlowDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Conventions.Add(_ => new SnakeCaseNamingConvention());
    }
}
