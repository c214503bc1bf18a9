using CareFlow.Core.Forms;
using CareFlow.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareFlow.Infrastructure.Forms;

/// <summary>Form versions: one row per (form id, version); the stamp guards concurrent saves and publishes.</summary>
internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> builder)
    {
        builder.ToTable("form_versions", CareFlowSchemas.Domain);
        builder.HasKey(v => new { v.FormId, v.Version });
        builder.Property(v => v.FormId).HasMaxLength(64);
        builder.Property(v => v.Name).HasMaxLength(200);
        builder.Property(v => v.UpdatedBy).HasMaxLength(300);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(v => new { v.FormId, v.IsLatest });
        builder.HasIndex(v => new { v.FormId, v.IsPublished });
    }
}

/// <summary>Answers given to a form, found by case (the case page) and by task (the task that took them).</summary>
internal sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> builder)
    {
        builder.ToTable("form_submissions", CareFlowSchemas.Domain);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.FormId).HasMaxLength(64);
        builder.Property(s => s.SubmittedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.CaseId, s.SubmittedAt });
        builder.HasIndex(s => s.TaskId);
        builder.HasIndex(s => new { s.FormId, s.FormVersion });
    }
}
