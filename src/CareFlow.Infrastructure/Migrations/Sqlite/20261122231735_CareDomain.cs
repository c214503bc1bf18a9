using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "advocacy_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_advocacy_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "barriers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    need_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    referral_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    service_id = table.Column<string>(type: "TEXT", nullable: true),
                    cost_option_id = table.Column<string>(type: "TEXT", nullable: true),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_barriers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    held_at = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    notes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_ins", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    normalized_phone = table.Column<string>(type: "TEXT", nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", nullable: true),
                    preferred_language = table.Column<string>(type: "TEXT", nullable: true),
                    do_not_contact = table.Column<bool>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    disclosing_party = table.Column<string>(type: "TEXT", nullable: false),
                    information_description = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_organization_id = table.Column<string>(type: "TEXT", nullable: true),
                    recipient_name = table.Column<string>(type: "TEXT", nullable: false),
                    recipient_email = table.Column<string>(type: "TEXT", nullable: true),
                    purpose = table.Column<string>(type: "TEXT", nullable: false),
                    revocation_instructions = table.Column<string>(type: "TEXT", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expiry_event = table.Column<string>(type: "TEXT", nullable: true),
                    signed_by = table.Column<string>(type: "TEXT", nullable: false),
                    signed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revocation_method = table.Column<string>(type: "TEXT", nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coordinator_tasks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_by = table.Column<string>(type: "TEXT", nullable: true),
                    result_json = table.Column<string>(type: "TEXT", nullable: true),
                    workflow_instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    bookmark_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordinator_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    need_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_name = table.Column<string>(type: "TEXT", nullable: false),
                    family_name = table.Column<string>(type: "TEXT", nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    preferred_language = table.Column<string>(type: "TEXT", nullable: true),
                    do_not_contact = table.Column<bool>(type: "INTEGER", nullable: false),
                    coordinator_id = table.Column<string>(type: "TEXT", nullable: false),
                    coordinator_name = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    match_kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    possible_duplicate_of_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    screening_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    domain = table.Column<string>(type: "TEXT", nullable: false),
                    label = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    identified_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    email = table.Column<string>(type: "TEXT", nullable: true),
                    website = table.Column<string>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    referral_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recipient_email = table.Column<string>(type: "TEXT", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    need_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    service_id = table.Column<string>(type: "TEXT", nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", nullable: false),
                    consent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    do_not_contact_client = table.Column<bool>(type: "INTEGER", nullable: false),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    response_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    status_reason_text = table.Column<string>(type: "TEXT", nullable: true),
                    last_modified_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "screenings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instrument_id = table.Column<string>(type: "TEXT", nullable: false),
                    answers_json = table.Column<string>(type: "TEXT", nullable: false),
                    positive_domains = table.Column<string>(type: "TEXT", nullable: false),
                    requires_stabilization = table.Column<bool>(type: "INTEGER", nullable: false),
                    screened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    screened_by = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screenings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_at_locations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_id = table.Column<string>(type: "TEXT", nullable: false),
                    location_id = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_locations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stabilization_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    stable_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stabilization_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_start_requests",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    definition_id = table.Column<string>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_by_instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    requested_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_instance_id = table.Column<string>(type: "TEXT", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_start_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    coordinator_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    coordinator_name = table.Column<string>(type: "TEXT", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    blocked_reason = table.Column<string>(type: "TEXT", nullable: true),
                    opened_at = table.Column<long>(type: "INTEGER", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    closure_reason = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                    table.ForeignKey(
                        name: "FK_cases_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    address = table.Column<string>(type: "TEXT", nullable: true),
                    city = table.Column<string>(type: "TEXT", nullable: true),
                    region = table.Column<string>(type: "TEXT", nullable: true),
                    postal_code = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.id);
                    table.ForeignKey(
                        name: "FK_locations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organization_id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: true),
                    application_process = table.Column<string>(type: "TEXT", nullable: true),
                    fees_description = table.Column<string>(type: "TEXT", nullable: true),
                    eligibility_description = table.Column<string>(type: "TEXT", nullable: true),
                    minimum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    maximum_age = table.Column<int>(type: "INTEGER", nullable: true),
                    languages = table.Column<string>(type: "TEXT", nullable: false),
                    referral_email = table.Column<string>(type: "TEXT", nullable: true),
                    assured_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_organizations_organization_id",
                        column: x => x.organization_id,
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cost_options",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service_id = table.Column<string>(type: "TEXT", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    option = table.Column<string>(type: "TEXT", nullable: true),
                    currency = table.Column<string>(type: "TEXT", nullable: true),
                    amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    amount_description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_options", x => x.id);
                    table.ForeignKey(
                        name: "FK_cost_options_services_service_id",
                        column: x => x.service_id,
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_advocacy_entries_case_id_at",
                table: "advocacy_entries",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_barriers_case_id",
                table: "barriers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_barriers_category_recorded_at",
                table: "barriers",
                columns: new[] { "category", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_case_id_at",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_client_id",
                table: "cases",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "IX_cases_coordinator_id_status",
                table: "cases",
                columns: new[] { "coordinator_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_case_id_due_at",
                table: "check_ins",
                columns: new[] { "case_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_clients_date_of_birth",
                table: "clients",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "IX_clients_normalized_name_date_of_birth",
                table: "clients",
                columns: new[] { "normalized_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "IX_consents_client_id",
                table: "consents",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_tasks_case_id_status",
                table: "coordinator_tasks",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_tasks_status_due_at",
                table: "coordinator_tasks",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cost_options_service_id",
                table: "cost_options",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_goals_plan_id",
                table: "goals",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "IX_locations_organization_id",
                table: "locations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_needs_case_id",
                table: "needs",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_notifications_processed_at_requested_at",
                table: "provider_notifications",
                columns: new[] { "processed_at", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_id",
                table: "referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_consent_id",
                table: "referrals",
                column: "consent_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_reference",
                table: "referrals",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screenings_case_id_screened_at",
                table: "screenings",
                columns: new[] { "case_id", "screened_at" });

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_service_id",
                table: "service_at_locations",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_services_category",
                table: "services",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "IX_services_organization_id",
                table: "services",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_stabilization_plans_case_id",
                table: "stabilization_plans",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_start_requests_started_at",
                table: "workflow_start_requests",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advocacy_entries");

            migrationBuilder.DropTable(
                name: "barriers");

            migrationBuilder.DropTable(
                name: "case_events");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "check_ins");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "coordinator_tasks");

            migrationBuilder.DropTable(
                name: "cost_options");

            migrationBuilder.DropTable(
                name: "goals");

            migrationBuilder.DropTable(
                name: "intake_requests");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "needs");

            migrationBuilder.DropTable(
                name: "provider_notifications");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "screenings");

            migrationBuilder.DropTable(
                name: "service_at_locations");

            migrationBuilder.DropTable(
                name: "stabilization_plans");

            migrationBuilder.DropTable(
                name: "workflow_start_requests");

            migrationBuilder.DropTable(
                name: "clients");

            migrationBuilder.DropTable(
                name: "services");

            migrationBuilder.DropTable(
                name: "organizations");
        }
    }
}
