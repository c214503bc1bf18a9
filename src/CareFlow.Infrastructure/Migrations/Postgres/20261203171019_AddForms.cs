using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
