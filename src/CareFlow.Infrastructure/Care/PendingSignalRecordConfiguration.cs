using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Care;

internal sealed class PendingSignalRecordConfiguration : IEntityTypeConfiguration<PendingSignalRecord>
{
    public void Configure(EntityTypeBuilder<PendingSignalRecord> builder)
    {
        builder.ToTable("pending_signals", CareFlowSchemas.Workflows);
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.CreatedAt);
    }
}
