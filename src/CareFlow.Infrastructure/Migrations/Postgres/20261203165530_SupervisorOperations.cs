using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisorOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cross_caseload_match_id",
                schema: "careflow",
                table: "intake_requests",
                type: "uuid",
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
                name: "detail",
                schema: "careflow",
                table: "audit_entries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cross_caseload_match_id",
                schema: "careflow",
                table: "intake_requests");

            migrationBuilder.DropColumn(
                name: "merged_at",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "detail",
                schema: "careflow",
                table: "audit_entries");
        }
    }
}
