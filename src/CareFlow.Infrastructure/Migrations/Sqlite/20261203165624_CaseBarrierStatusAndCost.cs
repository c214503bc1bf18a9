using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseBarrierStatusAndCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "with_whom",
                table: "advocacy_entries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "with_whom",
                table: "advocacy_entries");
        }
    }
}
