using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StageFormsRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_wants",
                table: "stabilization_plans",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "written_by",
                table: "stabilization_plans",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                table: "goals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "check_ins",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closed_by",
                table: "cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closure_summary",
                table: "cases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "client_wants",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "written_by",
                table: "stabilization_plans");

            migrationBuilder.DropColumn(
                name: "target_date",
                table: "goals");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "check_ins");

            migrationBuilder.DropColumn(
                name: "closed_by",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "closure_summary",
                table: "cases");
        }
    }
}
