using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace CareFlow.Infrastructure.Persistence;

/// <summary>
/// snake_case table and column names unless a configuration names them explicitly (explicit names win, because these
/// are set with convention priority).
/// </summary>
internal sealed class SnakeCaseNamingConvention : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            if (entityType.GetTableName() is { } table)
            {
                entityType.Builder.ToTable(SnakeCase.From(table), entityType.GetSchema());
            }
        }

        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().Where(e => !e.IsMappedToJson()))
        {
            foreach (var property in entityType.GetDeclaredProperties())
            {
                if (property.GetColumnName() is { } column)
                {
                    property.Builder.HasColumnName(SnakeCase.From(column));
                }
            }
        }
    }
}
