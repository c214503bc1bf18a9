using CareFlow.Core.Outbox;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages", CareFlowSchemas.Domain);
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Key).HasMaxLength(400);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.Property(m => m.MessageId).HasMaxLength(250);
        builder.Property(m => m.Template).HasMaxLength(60);
        builder.Property(m => m.From).HasMaxLength(320);
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(400);
        builder.Property(m => m.Topic).HasMaxLength(120);
        builder.Property(m => m.WorkflowInstanceId).HasMaxLength(64);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => m.Topic);
    }
}
