using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisorOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "cross_caseload_match_id",
                table: "intake_requests",
                type: "TEXT",
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
                name: "detail",
                table: "audit_entries",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cross_caseload_match_id",
                table: "intake_requests");

            migrationBuilder.DropColumn(
                name: "merged_at",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "merged_into_id",
                table: "clients");

            migrationBuilder.DropColumn(
                name: "detail",
                table: "audit_entries");
        }
    }
}
