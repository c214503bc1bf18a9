using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CareDomain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "advocacy_entries",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    note = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_advocacy_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "barriers",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: true),
                    service_id = table.Column<string>(type: "text", nullable: true),
                    cost_option_id = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_barriers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "case_events",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "check_ins",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    held_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_check_ins", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "clients",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    family_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    normalized_name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    normalized_phone = table.Column<string>(type: "text", nullable: true),
                    normalized_email = table.Column<string>(type: "text", nullable: true),
                    preferred_language = table.Column<string>(type: "text", nullable: true),
                    do_not_contact = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_clients", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    disclosing_party = table.Column<string>(type: "text", nullable: false),
                    information_description = table.Column<string>(type: "text", nullable: false),
                    recipient_organization_id = table.Column<string>(type: "text", nullable: true),
                    recipient_name = table.Column<string>(type: "text", nullable: false),
                    recipient_email = table.Column<string>(type: "text", nullable: true),
                    purpose = table.Column<string>(type: "text", nullable: false),
                    revocation_instructions = table.Column<string>(type: "text", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expiry_event = table.Column<string>(type: "text", nullable: true),
                    signed_by = table.Column<string>(type: "text", nullable: false),
                    signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revocation_method = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coordinator_tasks",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_by = table.Column<string>(type: "text", nullable: true),
                    result_json = table.Column<string>(type: "text", nullable: true),
                    workflow_instance_id = table.Column<string>(type: "text", nullable: true),
                    bookmark_id = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_coordinator_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "goals",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    text = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_requests",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_name = table.Column<string>(type: "text", nullable: false),
                    family_name = table.Column<string>(type: "text", nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "date", nullable: false),
                    phone = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    preferred_language = table.Column<string>(type: "text", nullable: true),
                    do_not_contact = table.Column<bool>(type: "boolean", nullable: false),
                    coordinator_id = table.Column<string>(type: "text", nullable: false),
                    coordinator_name = table.Column<string>(type: "text", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    match_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    client_id = table.Column<Guid>(type: "uuid", nullable: true),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    possible_duplicate_of_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "needs",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    screening_id = table.Column<Guid>(type: "uuid", nullable: true),
                    domain = table.Column<string>(type: "text", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    identified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_needs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organizations",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    email = table.Column<string>(type: "text", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organizations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_notifications",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    referral_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient_email = table.Column<string>(type: "text", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_notifications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "text", nullable: false),
                    service_id = table.Column<string>(type: "text", nullable: false),
                    organization_id = table.Column<string>(type: "text", nullable: false),
                    consent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    do_not_contact_client = table.Column<bool>(type: "boolean", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    response_due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status_reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status_reason_text = table.Column<string>(type: "text", nullable: true),
                    last_modified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referrals", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "screenings",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instrument_id = table.Column<string>(type: "text", nullable: false),
                    answers_json = table.Column<string>(type: "text", nullable: false),
                    positive_domains = table.Column<string>(type: "text", nullable: false),
                    requires_stabilization = table.Column<bool>(type: "boolean", nullable: false),
                    screened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    screened_by = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_screenings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_at_locations",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_id = table.Column<string>(type: "text", nullable: false),
                    location_id = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_locations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stabilization_plans",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stable_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stabilization_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_start_requests",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    definition_id = table.Column<string>(type: "text", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by_instance_id = table.Column<string>(type: "text", nullable: true),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_instance_id = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_start_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cases",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<Guid>(type: "uuid", nullable: false),
                    coordinator_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    coordinator_name = table.Column<string>(type: "text", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    blocked_reason = table.Column<string>(type: "text", nullable: true),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closure_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.id);
                    table.ForeignKey(
                        name: "FK_cases_clients_client_id",
                        column: x => x.client_id,
                        principalSchema: "careflow",
                        principalTable: "clients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    address = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    region = table.Column<string>(type: "text", nullable: true),
                    postal_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.id);
                    table.ForeignKey(
                        name: "FK_locations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalSchema: "careflow",
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organization_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: true),
                    application_process = table.Column<string>(type: "text", nullable: true),
                    fees_description = table.Column<string>(type: "text", nullable: true),
                    eligibility_description = table.Column<string>(type: "text", nullable: true),
                    minimum_age = table.Column<int>(type: "integer", nullable: true),
                    maximum_age = table.Column<int>(type: "integer", nullable: true),
                    languages = table.Column<string>(type: "text", nullable: false),
                    referral_email = table.Column<string>(type: "text", nullable: true),
                    assured_date = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_services", x => x.id);
                    table.ForeignKey(
                        name: "FK_services_organizations_organization_id",
                        column: x => x.organization_id,
                        principalSchema: "careflow",
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cost_options",
                schema: "careflow",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service_id = table.Column<string>(type: "character varying(100)", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    option = table.Column<string>(type: "text", nullable: true),
                    currency = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    amount_description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_options", x => x.id);
                    table.ForeignKey(
                        name: "FK_cost_options_services_service_id",
                        column: x => x.service_id,
                        principalSchema: "careflow",
                        principalTable: "services",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_advocacy_entries_case_id_at",
                schema: "careflow",
                table: "advocacy_entries",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_barriers_case_id",
                schema: "careflow",
                table: "barriers",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_barriers_category_recorded_at",
                schema: "careflow",
                table: "barriers",
                columns: new[] { "category", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_case_events_case_id_at",
                schema: "careflow",
                table: "case_events",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_client_id",
                schema: "careflow",
                table: "cases",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "IX_cases_coordinator_id_status",
                schema: "careflow",
                table: "cases",
                columns: new[] { "coordinator_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_check_ins_case_id_due_at",
                schema: "careflow",
                table: "check_ins",
                columns: new[] { "case_id", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_clients_date_of_birth",
                schema: "careflow",
                table: "clients",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "IX_clients_normalized_name_date_of_birth",
                schema: "careflow",
                table: "clients",
                columns: new[] { "normalized_name", "date_of_birth" });

            migrationBuilder.CreateIndex(
                name: "IX_consents_client_id",
                schema: "careflow",
                table: "consents",
                column: "client_id");

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_tasks_case_id_status",
                schema: "careflow",
                table: "coordinator_tasks",
                columns: new[] { "case_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_coordinator_tasks_status_due_at",
                schema: "careflow",
                table: "coordinator_tasks",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_cost_options_service_id",
                schema: "careflow",
                table: "cost_options",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_goals_plan_id",
                schema: "careflow",
                table: "goals",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "IX_locations_organization_id",
                schema: "careflow",
                table: "locations",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_needs_case_id",
                schema: "careflow",
                table: "needs",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_provider_notifications_processed_at_requested_at",
                schema: "careflow",
                table: "provider_notifications",
                columns: new[] { "processed_at", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "IX_referrals_case_id",
                schema: "careflow",
                table: "referrals",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_consent_id",
                schema: "careflow",
                table: "referrals",
                column: "consent_id");

            migrationBuilder.CreateIndex(
                name: "IX_referrals_reference",
                schema: "careflow",
                table: "referrals",
                column: "reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_screenings_case_id_screened_at",
                schema: "careflow",
                table: "screenings",
                columns: new[] { "case_id", "screened_at" });

            migrationBuilder.CreateIndex(
                name: "IX_service_at_locations_service_id",
                schema: "careflow",
                table: "service_at_locations",
                column: "service_id");

            migrationBuilder.CreateIndex(
                name: "IX_services_category",
                schema: "careflow",
                table: "services",
                column: "category");

            migrationBuilder.CreateIndex(
                name: "IX_services_organization_id",
                schema: "careflow",
                table: "services",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "IX_stabilization_plans_case_id",
                schema: "careflow",
                table: "stabilization_plans",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_start_requests_started_at",
                schema: "careflow",
                table: "workflow_start_requests",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "advocacy_entries",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "barriers",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "case_events",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "cases",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "check_ins",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "consents",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "coordinator_tasks",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "cost_options",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "goals",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "intake_requests",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "locations",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "needs",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "provider_notifications",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "referrals",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "screenings",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "service_at_locations",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "stabilization_plans",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "workflow_start_requests",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "clients",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "services",
                schema: "careflow");

            migrationBuilder.DropTable(
                name: "organizations",
                schema: "careflow");
        }
    }
}
