using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoordinatorWorkInTheBrowser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_wants",
                table: "stabilization_plans",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "written_by",
                table: "stabilization_plans",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cross_caseload_match_id",
                table: "intake_requests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                table: "goals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "form_id",
                table: "coordinator_tasks",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "form_version",
                table: "coordinator_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "merged_at",
                table: "clients",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                table: "clients",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "check_ins",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_by",
                table: "cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closure_summary",
                table: "cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "cost_amount",
                table: "barriers",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cost_currency",
                table: "barriers",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                table: "barriers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "resolved_at",
                table: "barriers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                table: "barriers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "barriers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<string>(
                name: "detail",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "with_whom",
                table: "advocacy_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "form_submissions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    form_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    form_version = table.Column<int>(type: "INTEGER", nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    task_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_versions",
                columns: table => new
                {
                    form_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    schema_json = table.Column<string>(type: "TEXT", nullable: false),
                    is_published = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_latest = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_by = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_versions", x => new { x.form_id, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_case_id_submitted_at",
                table: "form_submissions",
                columns: new[] { "case_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_form_id_form_version",
                table: "form_submissions",
                columns: new[] { "form_id", "form_version" });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_task_id",
                table: "form_submissions",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_id_is_latest",
                table: "form_versions",
                columns: new[] { "form_id", "is_latest" });

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_id_is_published",
                table: "form_versions",
                columns: new[] { "form_id", "is_published" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_submissions");

            migrationBuilder.DropTable(
                name: "form_versions");

            migrationBuilder.DropColumn(
                name: "client_wants",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "written_by",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "cross_caseload_match_id",
                table: "intake_requests");

            migrationBuilder.DropColumn(
                name: "target_date",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "form_id",
                table: "coordinator_tasks");

            migrationBuilder.DropColumn(
                name: "form_version",
                table: "coordinator_tasks");

            migrationBuilder.DropColumn(
                name: "merged_at",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "closed_by",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closure_summary",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "cost_amount",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "cost_currency",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolution",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolved_by",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "status",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "detail",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "with_whom",
                table: "advocacy_entries");
        }
    }
}
