using CareFlow.Core.Care.Cases;
using CareFlow.Core.Care.Clients;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Care;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients", CareFlowSchemas.Domain);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.GivenName).HasMaxLength(200);
        builder.Property(c => c.FamilyName).HasMaxLength(200);
        builder.Property(c => c.NormalizedName).HasMaxLength(400);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.HasIndex(c => new { c.NormalizedName, c.DateOfBirth });
        builder.HasIndex(c => c.DateOfBirth);
    }
}

internal sealed class IntakeRequestConfiguration : IEntityTypeConfiguration<IntakeRequest>
{
    public void Configure(EntityTypeBuilder<IntakeRequest> builder)
    {
        builder.ToTable("intake_requests", CareFlowSchemas.Domain);
        builder.HasKey(r => r.Id);
        builder.Property(r => r.MatchKind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases", CareFlowSchemas.Domain);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CoordinatorId).HasMaxLength(200);
        builder.Property(c => c.ClosureSummary).HasMaxLength(2000);
        builder.Property(c => c.ClosedBy).HasMaxLength(256);
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CoordinatorId, c.Status });
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events", CareFlowSchemas.Domain);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasMaxLength(50);
        builder.HasIndex(e => new { e.CaseId, e.At });
    }
}
