using CareFlow.Core.Care.Advocacy;
using CareFlow.Core.Care.Barriers;
using CareFlow.Core.Care.Referrals;
using CareFlow.Core.Care.Stages;
using CareFlow.Core.Care.Tasks;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Care;

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals", CareFlowSchemas.Domain);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Reference).HasMaxLength(40);
        builder.HasIndex(r => r.Reference).IsUnique();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.StatusReason).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.ConsentId);
    }
}

internal sealed class ProviderNotificationConfiguration : IEntityTypeConfiguration<ProviderNotification>
{
    public void Configure(EntityTypeBuilder<ProviderNotification> builder)
    {
        builder.ToTable("provider_notifications", CareFlowSchemas.Domain);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => new { n.ProcessedAt, n.RequestedAt });
    }
}

internal sealed class BarrierConfiguration : IEntityTypeConfiguration<AccessBarrier>
{
    public void Configure(EntityTypeBuilder<AccessBarrier> builder)
    {
        builder.ToTable("barriers", CareFlowSchemas.Domain);
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Category).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(b => new { b.Category, b.RecordedAt });
        builder.HasIndex(b => b.CaseId);
    }
}

internal sealed class AdvocacyEntryConfiguration : IEntityTypeConfiguration<AdvocacyEntry>
{
    public void Configure(EntityTypeBuilder<AdvocacyEntry> builder)
    {
        builder.ToTable("advocacy_entries", CareFlowSchemas.Domain);
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(a => new { a.CaseId, a.At });
    }
}

internal sealed class CoordinatorTaskConfiguration : IEntityTypeConfiguration<CoordinatorTask>
{
    public void Configure(EntityTypeBuilder<CoordinatorTask> builder)
    {
        builder.ToTable("coordinator_tasks", CareFlowSchemas.Domain);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.FormId).HasMaxLength(100);
        builder.HasIndex(t => new { t.CaseId, t.Status });
        builder.HasIndex(t => new { t.Status, t.DueAt });
    }
}

internal sealed class WorkflowStartRequestConfiguration : IEntityTypeConfiguration<WorkflowStartRequest>
{
    public void Configure(EntityTypeBuilder<WorkflowStartRequest> builder)
    {
        builder.ToTable("workflow_start_requests", CareFlowSchemas.Domain);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.HasIndex(r => r.StartedAt);
    }
}
