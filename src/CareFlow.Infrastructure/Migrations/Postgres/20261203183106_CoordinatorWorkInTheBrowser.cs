using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CoordinatorWorkInTheBrowser : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_wants",
                schema: "careflow",
                table: "stabilization_plans",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "written_by",
                schema: "careflow",
                table: "stabilization_plans",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "cross_caseload_match_id",
                schema: "careflow",
                table: "intake_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                schema: "careflow",
                table: "goals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "form_id",
                schema: "careflow",
                table: "coordinator_tasks",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "form_version",
                schema: "careflow",
                table: "coordinator_tasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "merged_at",
                schema: "careflow",
                table: "clients",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "merged_into_id",
                schema: "careflow",
                table: "clients",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                schema: "careflow",
                table: "check_ins",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_by",
                schema: "careflow",
                table: "cases",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closure_summary",
                schema: "careflow",
                table: "cases",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "cost_amount",
                schema: "careflow",
                table: "barriers",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cost_currency",
                schema: "careflow",
                table: "barriers",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution",
                schema: "careflow",
                table: "barriers",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "resolved_at",
                schema: "careflow",
                table: "barriers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolved_by",
                schema: "careflow",
                table: "barriers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "careflow",
                table: "barriers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<string>(
                name: "detail",
                schema: "careflow",
                table: "audit_entries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "with_whom",
                schema: "careflow",
                table: "advocacy_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "form_submissions",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    form_version = table.Column<int>(type: "integer", nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    task_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_submissions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "form_versions",
                schema: "careflow",
                columns: table => new
                {
                    form_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    schema_json = table.Column<string>(type: "text", nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    is_latest = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    concurrency_stamp = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_versions", x => new { x.form_id, x.version });
                });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_case_id_submitted_at",
                schema: "careflow",
                table: "form_submissions",
                columns: new[] { "case_id", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_form_id_form_version",
                schema: "careflow",
                table: "form_submissions",
                columns: new[] { "form_id", "form_version" });

            migrationBuilder.CreateIndex(
                name: "ix_form_submissions_task_id",
                schema: "careflow",
                table: "form_submissions",
                column: "task_id");

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_id_is_latest",
                schema: "careflow",
                table: "form_versions",
                columns: new[] { "form_id", "is_latest" });

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_id_is_published",
                schema: "careflow",
                table: "form_versions",
                columns: new[] { "form_id", "is_published" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "form_submissions",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "form_versions",
                schema: "careflow");

            migrationBuilder.DropColumn(
                name: "client_wants",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "written_by",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "cross_caseload_match_id",
                schema: "careflow",
                table: "intake_requests");

            migrationBuilder.DropColumn(
                name: "target_date",
                schema: "careflow",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "form_id",
                schema: "careflow",
                table: "coordinator_tasks");

            migrationBuilder.DropColumn(
                name: "form_version",
                schema: "careflow",
                table: "coordinator_tasks");

            migrationBuilder.DropColumn(
                name: "merged_at",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                schema: "careflow",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "closed_by",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closure_summary",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "cost_amount",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "cost_currency",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolution",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolved_at",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "resolved_by",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropColumn(
                name: "detail",
                schema: "careflow",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "with_whom",
                schema: "careflow",
                table: "advocacy_entries");
        }
    }
}
