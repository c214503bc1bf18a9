using CareFlow.Core.Care.Consents;
using CareFlow.Core.Care.Plans;
using CareFlow.Core.Care.Screening;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Care;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("consents", CareFlowSchemas.Domain);
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.ClientId);
    }
}

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<ClientScreening>
{
    public void Configure(EntityTypeBuilder<ClientScreening> builder)
    {
        builder.ToTable("screenings", CareFlowSchemas.Domain);
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.CaseId, s.ScreenedAt });
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.ToTable("needs", CareFlowSchemas.Domain);
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.CaseId);
    }
}

internal sealed class StabilizationPlanConfiguration : IEntityTypeConfiguration<StabilizationPlan>
{
    public void Configure(EntityTypeBuilder<StabilizationPlan> builder)
    {
        builder.ToTable("stabilization_plans", CareFlowSchemas.Domain);
        builder.HasKey(p => p.Id);
        builder.Property(p => p.ClientWants).HasMaxLength(2000);
        builder.Property(p => p.WrittenBy).HasMaxLength(256);
        builder.HasIndex(p => p.CaseId);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.ToTable("goals", CareFlowSchemas.Domain);
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(g => g.PlanId);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins", CareFlowSchemas.Domain);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.CaseId, c.DueAt });
    }
}
