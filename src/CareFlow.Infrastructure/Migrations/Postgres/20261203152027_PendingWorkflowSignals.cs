using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PendingWorkflowSignals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cost_options_directory_service_service_id",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "fk_services_organization_organization_id",
                schema: "careflow",
                table: "services");

            migrationBuilder.CreateTable(
                name: "pending_signals",
                schema: "workflows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    instance_id = table.Column<string>(type: "text", nullable: false),
                    bookmark_id = table.Column<string>(type: "text", nullable: false),
                    input = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_signals", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_pending_signals_created_at",
                schema: "workflows",
                table: "pending_signals",
                column: "created_at");

            migrationBuilder.AddForeignKey(
                name: "fk_cost_options_service_service_id",
                schema: "careflow",
                table: "cost_options",
                column: "service_id",
                principalSchema: "careflow",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_services_organizations_organization_id",
                schema: "careflow",
                table: "services",
                column: "organization_id",
                principalSchema: "careflow",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cost_options_service_service_id",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "fk_services_organizations_organization_id",
                schema: "careflow",
                table: "services");

            migrationBuilder.DropTable(
                name: "pending_signals",
                schema: "workflows");

            migrationBuilder.AddForeignKey(
                name: "fk_cost_options_directory_service_service_id",
                schema: "careflow",
                table: "cost_options",
                column: "service_id",
                principalSchema: "careflow",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_services_organization_organization_id",
                schema: "careflow",
                table: "services",
                column: "organization_id",
                principalSchema: "careflow",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
