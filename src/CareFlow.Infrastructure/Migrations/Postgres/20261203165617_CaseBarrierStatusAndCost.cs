using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseBarrierStatusAndCost : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "with_whom",
                schema: "careflow",
                table: "advocacy_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "with_whom",
                schema: "careflow",
                table: "advocacy_entries");
        }
    }
}
