using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PendingWorkflowSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cost_options_directory_service_service_id",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "fk_services_organization_organization_id",
                table: "services");

            migrationBuilder.CreateTable(
                name: "pending_signals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instance_id = table.Column<string>(type: "TEXT", nullable: false),
                    bookmark_id = table.Column<string>(type: "TEXT", nullable: false),
                    input = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_signals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pending_signals_created_at",
                table: "pending_signals",
                column: "created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_cost_options_service_service_id",
                table: "cost_options",
                column: "service_id",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_services_organizations_organization_id",
                table: "services",
                column: "organization_id",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cost_options_service_service_id",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "fk_services_organizations_organization_id",
                table: "services");

            migrationBuilder.DropTable(
                name: "pending_signals");

            migrationBuilder.AddForeignKey(
                name: "fk_cost_options_directory_service_service_id",
                table: "cost_options",
                column: "service_id",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_services_organization_organization_id",
                table: "services",
                column: "organization_id",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
