using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageFormsRecords : Migration
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

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                schema: "careflow",
                table: "goals",
                type: "date",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_wants",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "written_by",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "target_date",
                schema: "careflow",
                table: "goals");

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
        }
    }
}
