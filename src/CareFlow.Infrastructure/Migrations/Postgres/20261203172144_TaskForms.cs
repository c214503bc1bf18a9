using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "form_id",
                schema: "careflow",
                table: "coordinator_tasks");

            migrationBuilder.DropColumn(
                name: "form_version",
                schema: "careflow",
                table: "coordinator_tasks");
        }
    }
}
