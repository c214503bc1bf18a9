using CareFlow.Core.ProviderLinks;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.ProviderLinks;

internal sealed class ProviderLinkConfiguration : IEntityTypeConfiguration<ProviderLink>
{
    public void Configure(EntityTypeBuilder<ProviderLink> builder)
    {
        builder.ToTable("provider_links", CareFlowSchemas.Domain);
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => l.ReferralId).IsUnique();
        builder.Property(l => l.RecipientEmail).HasMaxLength(320);
        builder.Property(l => l.RevokedReason).HasMaxLength(200);
        builder.Property(l => l.Decision).HasMaxLength(20);

        // The decision guards: an update carries "… AND decided_at IS NULL" (resp. started_at, completed_at).
        builder.Property(l => l.DecidedAt).IsConcurrencyToken();
        builder.Property(l => l.StartedAt).IsConcurrencyToken();
        builder.Property(l => l.CompletedAt).IsConcurrencyToken();
    }
}

internal sealed class ProviderAccessCodeConfiguration : IEntityTypeConfiguration<ProviderAccessCode>
{
    public void Configure(EntityTypeBuilder<ProviderAccessCode> builder)
    {
        builder.ToTable("provider_access_codes", CareFlowSchemas.Domain);
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.Salt).HasMaxLength(64);
        builder.HasIndex(c => new { c.LinkId, c.CreatedAt });
        builder.Property(c => c.FailedAttempts).IsConcurrencyToken();
    }
}

internal sealed class DisclosureRecordConfiguration : IEntityTypeConfiguration<DisclosureRecord>
{
    public void Configure(EntityTypeBuilder<DisclosureRecord> builder)
    {
        builder.ToTable("disclosure_ledger", CareFlowSchemas.Domain);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.RecipientName).HasMaxLength(200);
        builder.Property(d => d.RecipientEmail).HasMaxLength(320);
        builder.Property(d => d.Information).HasMaxLength(500);
        builder.Property(d => d.Channel).HasMaxLength(40);
        builder.HasIndex(d => new { d.ClientId, d.DisclosedAt });
    }
}
