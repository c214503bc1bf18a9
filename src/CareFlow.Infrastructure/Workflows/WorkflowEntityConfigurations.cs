using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Workflows;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> builder)
    {
        builder.ToTable("definitions", CareFlowSchemas.Workflows);
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}

internal sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> builder)
    {
        builder.ToTable("instances", CareFlowSchemas.Workflows);
        builder.HasKey(i => i.Id);
        builder.HasIndex(i => i.CorrelationId);
        builder.HasIndex(i => new { i.DefinitionId, i.CreatedAt });
        builder.HasIndex(i => new { i.SubStatus, i.CreatedAt });
        builder.Property(i => i.RowVersion).IsConcurrencyToken();
    }
}

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> builder)
    {
        builder.ToTable("bookmarks", CareFlowSchemas.Workflows);
        builder.HasKey(b => b.Id);
        // Event triggers filter on hash and, usually, correlation id.
        builder.HasIndex(b => new { b.Hash, b.CorrelationId });
        builder.HasIndex(b => b.InstanceId);
        builder.HasIndex(b => b.ResumeAt);
    }
}

internal sealed class JournalRecordConfiguration : IEntityTypeConfiguration<JournalRecord>
{
    public void Configure(EntityTypeBuilder<JournalRecord> builder)
    {
        builder.ToTable("journal", CareFlowSchemas.Workflows);
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => new { j.InstanceId, j.Sequence }).IsUnique();
    }
}

internal sealed class PendingEventRecordConfiguration : IEntityTypeConfiguration<PendingEventRecord>
{
    public void Configure(EntityTypeBuilder<PendingEventRecord> builder)
    {
        builder.ToTable("pending_events", CareFlowSchemas.Workflows);
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Hash);
        builder.HasIndex(e => e.ExpiresAt);
        builder.Property(e => e.Source).HasMaxLength(256);
        builder.HasIndex(e => e.Source);
    }
}
