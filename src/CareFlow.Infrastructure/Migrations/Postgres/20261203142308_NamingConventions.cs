using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NamingConventions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_cases_clients_client_id",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropForeignKey(
                name: "FK_cost_options_services_service_id",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "FK_locations_organizations_organization_id",
                schema: "careflow",
                table: "locations");

            migrationBuilder.DropForeignKey(
                name: "FK_role_claims_roles_role_id",
                schema: "careflow",
                table: "role_claims");

            migrationBuilder.DropForeignKey(
                name: "FK_services_organizations_organization_id",
                schema: "careflow",
                table: "services");

            migrationBuilder.DropForeignKey(
                name: "FK_user_claims_users_user_id",
                schema: "careflow",
                table: "user_claims");

            migrationBuilder.DropForeignKey(
                name: "FK_user_logins_users_user_id",
                schema: "careflow",
                table: "user_logins");

            migrationBuilder.DropForeignKey(
                name: "FK_user_roles_roles_role_id",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "FK_user_roles_users_user_id",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "FK_user_tokens_users_user_id",
                schema: "careflow",
                table: "user_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "PK_workflow_start_requests",
                schema: "careflow",
                table: "workflow_start_requests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_users",
                schema: "careflow",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_tokens",
                schema: "careflow",
                table: "user_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_sessions",
                schema: "careflow",
                table: "user_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_roles",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_logins",
                schema: "careflow",
                table: "user_logins");

            migrationBuilder.DropPrimaryKey(
                name: "PK_user_claims",
                schema: "careflow",
                table: "user_claims");

            migrationBuilder.DropPrimaryKey(
                name: "PK_stabilization_plans",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropPrimaryKey(
                name: "PK_services",
                schema: "careflow",
                table: "services");

            migrationBuilder.DropPrimaryKey(
                name: "PK_service_at_locations",
                schema: "careflow",
                table: "service_at_locations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_screenings",
                schema: "careflow",
                table: "screenings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_roles",
                schema: "careflow",
                table: "roles");

            migrationBuilder.DropPrimaryKey(
                name: "PK_role_claims",
                schema: "careflow",
                table: "role_claims");

            migrationBuilder.DropPrimaryKey(
                name: "PK_referrals",
                schema: "careflow",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_provider_notifications",
                schema: "careflow",
                table: "provider_notifications");

            migrationBuilder.DropPrimaryKey(
                name: "PK_provider_links",
                schema: "careflow",
                table: "provider_links");

            migrationBuilder.DropPrimaryKey(
                name: "PK_provider_access_codes",
                schema: "careflow",
                table: "provider_access_codes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_pending_events",
                schema: "workflows",
                table: "pending_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_outbox_messages",
                schema: "careflow",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_organizations",
                schema: "careflow",
                table: "organizations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_needs",
                schema: "careflow",
                table: "needs");

            migrationBuilder.DropPrimaryKey(
                name: "PK_locations",
                schema: "careflow",
                table: "locations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_journal",
                schema: "workflows",
                table: "journal");

            migrationBuilder.DropPrimaryKey(
                name: "PK_intake_requests",
                schema: "careflow",
                table: "intake_requests");

            migrationBuilder.DropPrimaryKey(
                name: "PK_instances",
                schema: "workflows",
                table: "instances");

            migrationBuilder.DropPrimaryKey(
                name: "PK_goals",
                schema: "careflow",
                table: "goals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_disclosure_ledger",
                schema: "careflow",
                table: "disclosure_ledger");

            migrationBuilder.DropPrimaryKey(
                name: "PK_definitions",
                schema: "workflows",
                table: "definitions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_data_protection_keys",
                schema: "careflow",
                table: "data_protection_keys");

            migrationBuilder.DropPrimaryKey(
                name: "PK_cost_options",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropPrimaryKey(
                name: "PK_coordinator_tasks",
                schema: "careflow",
                table: "coordinator_tasks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_consents",
                schema: "careflow",
                table: "consents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_clients",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropPrimaryKey(
                name: "PK_check_ins",
                schema: "careflow",
                table: "check_ins");

            migrationBuilder.DropPrimaryKey(
                name: "PK_cases",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropPrimaryKey(
                name: "PK_case_events",
                schema: "careflow",
                table: "case_events");

            migrationBuilder.DropPrimaryKey(
                name: "PK_bookmarks",
                schema: "workflows",
                table: "bookmarks");

            migrationBuilder.DropPrimaryKey(
                name: "PK_barriers",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_audit_entries",
                schema: "careflow",
                table: "audit_entries");

            migrationBuilder.DropPrimaryKey(
                name: "PK_advocacy_entries",
                schema: "careflow",
                table: "advocacy_entries");

            migrationBuilder.RenameIndex(
                name: "IX_workflow_start_requests_started_at",
                schema: "careflow",
                table: "workflow_start_requests",
                newName: "ix_workflow_start_requests_started_at");

            migrationBuilder.RenameIndex(
                name: "IX_user_sessions_user_id",
                schema: "careflow",
                table: "user_sessions",
                newName: "ix_user_sessions_user_id");

            migrationBuilder.RenameIndex(
                name: "IX_user_roles_role_id",
                schema: "careflow",
                table: "user_roles",
                newName: "ix_user_roles_role_id");

            migrationBuilder.RenameIndex(
                name: "IX_user_logins_user_id",
                schema: "careflow",
                table: "user_logins",
                newName: "ix_user_logins_user_id");

            migrationBuilder.RenameIndex(
                name: "IX_user_claims_user_id",
                schema: "careflow",
                table: "user_claims",
                newName: "ix_user_claims_user_id");

            migrationBuilder.RenameIndex(
                name: "IX_stabilization_plans_case_id",
                schema: "careflow",
                table: "stabilization_plans",
                newName: "ix_stabilization_plans_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_services_organization_id",
                schema: "careflow",
                table: "services",
                newName: "ix_services_organization_id");

            migrationBuilder.RenameIndex(
                name: "IX_services_category",
                schema: "careflow",
                table: "services",
                newName: "ix_services_category");

            migrationBuilder.RenameIndex(
                name: "IX_service_at_locations_service_id",
                schema: "careflow",
                table: "service_at_locations",
                newName: "ix_service_at_locations_service_id");

            migrationBuilder.RenameIndex(
                name: "IX_screenings_case_id_screened_at",
                schema: "careflow",
                table: "screenings",
                newName: "ix_screenings_case_id_screened_at");

            migrationBuilder.RenameIndex(
                name: "IX_role_claims_role_id",
                schema: "careflow",
                table: "role_claims",
                newName: "ix_role_claims_role_id");

            migrationBuilder.RenameIndex(
                name: "IX_referrals_reference",
                schema: "careflow",
                table: "referrals",
                newName: "ix_referrals_reference");

            migrationBuilder.RenameIndex(
                name: "IX_referrals_consent_id",
                schema: "careflow",
                table: "referrals",
                newName: "ix_referrals_consent_id");

            migrationBuilder.RenameIndex(
                name: "IX_referrals_case_id",
                schema: "careflow",
                table: "referrals",
                newName: "ix_referrals_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_provider_notifications_processed_at_requested_at",
                schema: "careflow",
                table: "provider_notifications",
                newName: "ix_provider_notifications_processed_at_requested_at");

            migrationBuilder.RenameIndex(
                name: "IX_provider_links_referral_id",
                schema: "careflow",
                table: "provider_links",
                newName: "ix_provider_links_referral_id");

            migrationBuilder.RenameIndex(
                name: "IX_provider_access_codes_link_id_created_at",
                schema: "careflow",
                table: "provider_access_codes",
                newName: "ix_provider_access_codes_link_id_created_at");

            migrationBuilder.RenameIndex(
                name: "IX_pending_events_source",
                schema: "workflows",
                table: "pending_events",
                newName: "ix_pending_events_source");

            migrationBuilder.RenameIndex(
                name: "IX_pending_events_hash",
                schema: "workflows",
                table: "pending_events",
                newName: "ix_pending_events_hash");

            migrationBuilder.RenameIndex(
                name: "IX_pending_events_expires_at",
                schema: "workflows",
                table: "pending_events",
                newName: "ix_pending_events_expires_at");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_topic",
                schema: "careflow",
                table: "outbox_messages",
                newName: "ix_outbox_messages_topic");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_status_next_attempt_at",
                schema: "careflow",
                table: "outbox_messages",
                newName: "ix_outbox_messages_status_next_attempt_at");

            migrationBuilder.RenameIndex(
                name: "IX_outbox_messages_key",
                schema: "careflow",
                table: "outbox_messages",
                newName: "ix_outbox_messages_key");

            migrationBuilder.RenameIndex(
                name: "IX_needs_case_id",
                schema: "careflow",
                table: "needs",
                newName: "ix_needs_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_locations_organization_id",
                schema: "careflow",
                table: "locations",
                newName: "ix_locations_organization_id");

            migrationBuilder.RenameIndex(
                name: "IX_journal_instance_id_sequence",
                schema: "workflows",
                table: "journal",
                newName: "ix_journal_instance_id_sequence");

            migrationBuilder.RenameIndex(
                name: "IX_instances_sub_status_created_at",
                schema: "workflows",
                table: "instances",
                newName: "ix_instances_sub_status_created_at");

            migrationBuilder.RenameIndex(
                name: "IX_instances_definition_id_created_at",
                schema: "workflows",
                table: "instances",
                newName: "ix_instances_definition_id_created_at");

            migrationBuilder.RenameIndex(
                name: "IX_instances_correlation_id",
                schema: "workflows",
                table: "instances",
                newName: "ix_instances_correlation_id");

            migrationBuilder.RenameIndex(
                name: "IX_goals_plan_id",
                schema: "careflow",
                table: "goals",
                newName: "ix_goals_plan_id");

            migrationBuilder.RenameIndex(
                name: "IX_disclosure_ledger_client_id_disclosed_at",
                schema: "careflow",
                table: "disclosure_ledger",
                newName: "ix_disclosure_ledger_client_id_disclosed_at");

            migrationBuilder.RenameIndex(
                name: "IX_definitions_definition_id_version",
                schema: "workflows",
                table: "definitions",
                newName: "ix_definitions_definition_id_version");

            migrationBuilder.RenameIndex(
                name: "IX_cost_options_service_id",
                schema: "careflow",
                table: "cost_options",
                newName: "ix_cost_options_service_id");

            migrationBuilder.RenameIndex(
                name: "IX_coordinator_tasks_status_due_at",
                schema: "careflow",
                table: "coordinator_tasks",
                newName: "ix_coordinator_tasks_status_due_at");

            migrationBuilder.RenameIndex(
                name: "IX_coordinator_tasks_case_id_status",
                schema: "careflow",
                table: "coordinator_tasks",
                newName: "ix_coordinator_tasks_case_id_status");

            migrationBuilder.RenameIndex(
                name: "IX_consents_client_id",
                schema: "careflow",
                table: "consents",
                newName: "ix_consents_client_id");

            migrationBuilder.RenameIndex(
                name: "IX_clients_normalized_name_date_of_birth",
                schema: "careflow",
                table: "clients",
                newName: "ix_clients_normalized_name_date_of_birth");

            migrationBuilder.RenameIndex(
                name: "IX_clients_date_of_birth",
                schema: "careflow",
                table: "clients",
                newName: "ix_clients_date_of_birth");

            migrationBuilder.RenameIndex(
                name: "IX_check_ins_case_id_due_at",
                schema: "careflow",
                table: "check_ins",
                newName: "ix_check_ins_case_id_due_at");

            migrationBuilder.RenameIndex(
                name: "IX_cases_coordinator_id_status",
                schema: "careflow",
                table: "cases",
                newName: "ix_cases_coordinator_id_status");

            migrationBuilder.RenameIndex(
                name: "IX_cases_client_id",
                schema: "careflow",
                table: "cases",
                newName: "ix_cases_client_id");

            migrationBuilder.RenameIndex(
                name: "IX_case_events_case_id_at",
                schema: "careflow",
                table: "case_events",
                newName: "ix_case_events_case_id_at");

            migrationBuilder.RenameIndex(
                name: "IX_bookmarks_resume_at",
                schema: "workflows",
                table: "bookmarks",
                newName: "ix_bookmarks_resume_at");

            migrationBuilder.RenameIndex(
                name: "IX_bookmarks_instance_id",
                schema: "workflows",
                table: "bookmarks",
                newName: "ix_bookmarks_instance_id");

            migrationBuilder.RenameIndex(
                name: "IX_bookmarks_hash_correlation_id",
                schema: "workflows",
                table: "bookmarks",
                newName: "ix_bookmarks_hash_correlation_id");

            migrationBuilder.RenameIndex(
                name: "IX_barriers_category_recorded_at",
                schema: "careflow",
                table: "barriers",
                newName: "ix_barriers_category_recorded_at");

            migrationBuilder.RenameIndex(
                name: "IX_barriers_case_id",
                schema: "careflow",
                table: "barriers",
                newName: "ix_barriers_case_id");

            migrationBuilder.RenameIndex(
                name: "IX_audit_entries_target_id_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "ix_audit_entries_target_id_at");

            migrationBuilder.RenameIndex(
                name: "IX_audit_entries_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "ix_audit_entries_at");

            migrationBuilder.RenameIndex(
                name: "IX_audit_entries_actor_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "ix_audit_entries_actor_at");

            migrationBuilder.RenameIndex(
                name: "IX_advocacy_entries_case_id_at",
                schema: "careflow",
                table: "advocacy_entries",
                newName: "ix_advocacy_entries_case_id_at");

            migrationBuilder.AddPrimaryKey(
                name: "pk_workflow_start_requests",
                schema: "careflow",
                table: "workflow_start_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_users",
                schema: "careflow",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_tokens",
                schema: "careflow",
                table: "user_tokens",
                columns: new[] { "user_id", "login_provider", "name" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_sessions",
                schema: "careflow",
                table: "user_sessions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_roles",
                schema: "careflow",
                table: "user_roles",
                columns: new[] { "user_id", "role_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_logins",
                schema: "careflow",
                table: "user_logins",
                columns: new[] { "login_provider", "provider_key" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_user_claims",
                schema: "careflow",
                table: "user_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_stabilization_plans",
                schema: "careflow",
                table: "stabilization_plans",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_services",
                schema: "careflow",
                table: "services",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_service_at_locations",
                schema: "careflow",
                table: "service_at_locations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_screenings",
                schema: "careflow",
                table: "screenings",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_roles",
                schema: "careflow",
                table: "roles",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_role_claims",
                schema: "careflow",
                table: "role_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_referrals",
                schema: "careflow",
                table: "referrals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_provider_notifications",
                schema: "careflow",
                table: "provider_notifications",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_provider_links",
                schema: "careflow",
                table: "provider_links",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_provider_access_codes",
                schema: "careflow",
                table: "provider_access_codes",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_pending_events",
                schema: "workflows",
                table: "pending_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_outbox_messages",
                schema: "careflow",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_organizations",
                schema: "careflow",
                table: "organizations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_needs",
                schema: "careflow",
                table: "needs",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_locations",
                schema: "careflow",
                table: "locations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_journal",
                schema: "workflows",
                table: "journal",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_intake_requests",
                schema: "careflow",
                table: "intake_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_instances",
                schema: "workflows",
                table: "instances",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_goals",
                schema: "careflow",
                table: "goals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_disclosure_ledger",
                schema: "careflow",
                table: "disclosure_ledger",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_definitions",
                schema: "workflows",
                table: "definitions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_data_protection_keys",
                schema: "careflow",
                table: "data_protection_keys",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cost_options",
                schema: "careflow",
                table: "cost_options",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_coordinator_tasks",
                schema: "careflow",
                table: "coordinator_tasks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_consents",
                schema: "careflow",
                table: "consents",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_clients",
                schema: "careflow",
                table: "clients",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_check_ins",
                schema: "careflow",
                table: "check_ins",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_cases",
                schema: "careflow",
                table: "cases",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_case_events",
                schema: "careflow",
                table: "case_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_bookmarks",
                schema: "workflows",
                table: "bookmarks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_barriers",
                schema: "careflow",
                table: "barriers",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_audit_entries",
                schema: "careflow",
                table: "audit_entries",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_advocacy_entries",
                schema: "careflow",
                table: "advocacy_entries",
                column: "id");

            migrationBuilder.AddForeignKey(
                name: "fk_cases_client_client_id",
                schema: "careflow",
                table: "cases",
                column: "client_id",
                principalSchema: "careflow",
                principalTable: "clients",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

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
                name: "fk_locations_organization_organization_id",
                schema: "careflow",
                table: "locations",
                column: "organization_id",
                principalSchema: "careflow",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_role_claims_roles_role_id",
                schema: "careflow",
                table: "role_claims",
                column: "role_id",
                principalSchema: "careflow",
                principalTable: "roles",
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

            migrationBuilder.AddForeignKey(
                name: "fk_user_claims_users_user_id",
                schema: "careflow",
                table: "user_claims",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_user_logins_users_user_id",
                schema: "careflow",
                table: "user_logins",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_user_roles_roles_role_id",
                schema: "careflow",
                table: "user_roles",
                column: "role_id",
                principalSchema: "careflow",
                principalTable: "roles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_user_roles_users_user_id",
                schema: "careflow",
                table: "user_roles",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_user_tokens_users_user_id",
                schema: "careflow",
                table: "user_tokens",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cases_client_client_id",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropForeignKey(
                name: "fk_cost_options_directory_service_service_id",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropForeignKey(
                name: "fk_locations_organization_organization_id",
                schema: "careflow",
                table: "locations");

            migrationBuilder.DropForeignKey(
                name: "fk_role_claims_roles_role_id",
                schema: "careflow",
                table: "role_claims");

            migrationBuilder.DropForeignKey(
                name: "fk_services_organization_organization_id",
                schema: "careflow",
                table: "services");

            migrationBuilder.DropForeignKey(
                name: "fk_user_claims_users_user_id",
                schema: "careflow",
                table: "user_claims");

            migrationBuilder.DropForeignKey(
                name: "fk_user_logins_users_user_id",
                schema: "careflow",
                table: "user_logins");

            migrationBuilder.DropForeignKey(
                name: "fk_user_roles_roles_role_id",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "fk_user_roles_users_user_id",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropForeignKey(
                name: "fk_user_tokens_users_user_id",
                schema: "careflow",
                table: "user_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "pk_workflow_start_requests",
                schema: "careflow",
                table: "workflow_start_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_users",
                schema: "careflow",
                table: "users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_user_tokens",
                schema: "careflow",
                table: "user_tokens");

            migrationBuilder.DropPrimaryKey(
                name: "pk_user_sessions",
                schema: "careflow",
                table: "user_sessions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_user_roles",
                schema: "careflow",
                table: "user_roles");

            migrationBuilder.DropPrimaryKey(
                name: "pk_user_logins",
                schema: "careflow",
                table: "user_logins");

            migrationBuilder.DropPrimaryKey(
                name: "pk_user_claims",
                schema: "careflow",
                table: "user_claims");

            migrationBuilder.DropPrimaryKey(
                name: "pk_stabilization_plans",
                schema: "careflow",
                table: "stabilization_plans");

            migrationBuilder.DropPrimaryKey(
                name: "pk_services",
                schema: "careflow",
                table: "services");

            migrationBuilder.DropPrimaryKey(
                name: "pk_service_at_locations",
                schema: "careflow",
                table: "service_at_locations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_screenings",
                schema: "careflow",
                table: "screenings");

            migrationBuilder.DropPrimaryKey(
                name: "pk_roles",
                schema: "careflow",
                table: "roles");

            migrationBuilder.DropPrimaryKey(
                name: "pk_role_claims",
                schema: "careflow",
                table: "role_claims");

            migrationBuilder.DropPrimaryKey(
                name: "pk_referrals",
                schema: "careflow",
                table: "referrals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_provider_notifications",
                schema: "careflow",
                table: "provider_notifications");

            migrationBuilder.DropPrimaryKey(
                name: "pk_provider_links",
                schema: "careflow",
                table: "provider_links");

            migrationBuilder.DropPrimaryKey(
                name: "pk_provider_access_codes",
                schema: "careflow",
                table: "provider_access_codes");

            migrationBuilder.DropPrimaryKey(
                name: "pk_pending_events",
                schema: "workflows",
                table: "pending_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_outbox_messages",
                schema: "careflow",
                table: "outbox_messages");

            migrationBuilder.DropPrimaryKey(
                name: "pk_organizations",
                schema: "careflow",
                table: "organizations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_needs",
                schema: "careflow",
                table: "needs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_locations",
                schema: "careflow",
                table: "locations");

            migrationBuilder.DropPrimaryKey(
                name: "pk_journal",
                schema: "workflows",
                table: "journal");

            migrationBuilder.DropPrimaryKey(
                name: "pk_intake_requests",
                schema: "careflow",
                table: "intake_requests");

            migrationBuilder.DropPrimaryKey(
                name: "pk_instances",
                schema: "workflows",
                table: "instances");

            migrationBuilder.DropPrimaryKey(
                name: "pk_goals",
                schema: "careflow",
                table: "goals");

            migrationBuilder.DropPrimaryKey(
                name: "pk_disclosure_ledger",
                schema: "careflow",
                table: "disclosure_ledger");

            migrationBuilder.DropPrimaryKey(
                name: "pk_definitions",
                schema: "workflows",
                table: "definitions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_data_protection_keys",
                schema: "careflow",
                table: "data_protection_keys");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cost_options",
                schema: "careflow",
                table: "cost_options");

            migrationBuilder.DropPrimaryKey(
                name: "pk_coordinator_tasks",
                schema: "careflow",
                table: "coordinator_tasks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_consents",
                schema: "careflow",
                table: "consents");

            migrationBuilder.DropPrimaryKey(
                name: "pk_clients",
                schema: "careflow",
                table: "clients");

            migrationBuilder.DropPrimaryKey(
                name: "pk_check_ins",
                schema: "careflow",
                table: "check_ins");

            migrationBuilder.DropPrimaryKey(
                name: "pk_cases",
                schema: "careflow",
                table: "cases");

            migrationBuilder.DropPrimaryKey(
                name: "pk_case_events",
                schema: "careflow",
                table: "case_events");

            migrationBuilder.DropPrimaryKey(
                name: "pk_bookmarks",
                schema: "workflows",
                table: "bookmarks");

            migrationBuilder.DropPrimaryKey(
                name: "pk_barriers",
                schema: "careflow",
                table: "barriers");

            migrationBuilder.DropPrimaryKey(
                name: "pk_audit_entries",
                schema: "careflow",
                table: "audit_entries");

            migrationBuilder.DropPrimaryKey(
                name: "pk_advocacy_entries",
                schema: "careflow",
                table: "advocacy_entries");

            migrationBuilder.RenameIndex(
                name: "ix_workflow_start_requests_started_at",
                schema: "careflow",
                table: "workflow_start_requests",
                newName: "IX_workflow_start_requests_started_at");

            migrationBuilder.RenameIndex(
                name: "ix_user_sessions_user_id",
                schema: "careflow",
                table: "user_sessions",
                newName: "IX_user_sessions_user_id");

            migrationBuilder.RenameIndex(
                name: "ix_user_roles_role_id",
                schema: "careflow",
                table: "user_roles",
                newName: "IX_user_roles_role_id");

            migrationBuilder.RenameIndex(
                name: "ix_user_logins_user_id",
                schema: "careflow",
                table: "user_logins",
                newName: "IX_user_logins_user_id");

            migrationBuilder.RenameIndex(
                name: "ix_user_claims_user_id",
                schema: "careflow",
                table: "user_claims",
                newName: "IX_user_claims_user_id");

            migrationBuilder.RenameIndex(
                name: "ix_stabilization_plans_case_id",
                schema: "careflow",
                table: "stabilization_plans",
                newName: "IX_stabilization_plans_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_services_organization_id",
                schema: "careflow",
                table: "services",
                newName: "IX_services_organization_id");

            migrationBuilder.RenameIndex(
                name: "ix_services_category",
                schema: "careflow",
                table: "services",
                newName: "IX_services_category");

            migrationBuilder.RenameIndex(
                name: "ix_service_at_locations_service_id",
                schema: "careflow",
                table: "service_at_locations",
                newName: "IX_service_at_locations_service_id");

            migrationBuilder.RenameIndex(
                name: "ix_screenings_case_id_screened_at",
                schema: "careflow",
                table: "screenings",
                newName: "IX_screenings_case_id_screened_at");

            migrationBuilder.RenameIndex(
                name: "ix_role_claims_role_id",
                schema: "careflow",
                table: "role_claims",
                newName: "IX_role_claims_role_id");

            migrationBuilder.RenameIndex(
                name: "ix_referrals_reference",
                schema: "careflow",
                table: "referrals",
                newName: "IX_referrals_reference");

            migrationBuilder.RenameIndex(
                name: "ix_referrals_consent_id",
                schema: "careflow",
                table: "referrals",
                newName: "IX_referrals_consent_id");

            migrationBuilder.RenameIndex(
                name: "ix_referrals_case_id",
                schema: "careflow",
                table: "referrals",
                newName: "IX_referrals_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_provider_notifications_processed_at_requested_at",
                schema: "careflow",
                table: "provider_notifications",
                newName: "IX_provider_notifications_processed_at_requested_at");

            migrationBuilder.RenameIndex(
                name: "ix_provider_links_referral_id",
                schema: "careflow",
                table: "provider_links",
                newName: "IX_provider_links_referral_id");

            migrationBuilder.RenameIndex(
                name: "ix_provider_access_codes_link_id_created_at",
                schema: "careflow",
                table: "provider_access_codes",
                newName: "IX_provider_access_codes_link_id_created_at");

            migrationBuilder.RenameIndex(
                name: "ix_pending_events_source",
                schema: "workflows",
                table: "pending_events",
                newName: "IX_pending_events_source");

            migrationBuilder.RenameIndex(
                name: "ix_pending_events_hash",
                schema: "workflows",
                table: "pending_events",
                newName: "IX_pending_events_hash");

            migrationBuilder.RenameIndex(
                name: "ix_pending_events_expires_at",
                schema: "workflows",
                table: "pending_events",
                newName: "IX_pending_events_expires_at");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_topic",
                schema: "careflow",
                table: "outbox_messages",
                newName: "IX_outbox_messages_topic");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_status_next_attempt_at",
                schema: "careflow",
                table: "outbox_messages",
                newName: "IX_outbox_messages_status_next_attempt_at");

            migrationBuilder.RenameIndex(
                name: "ix_outbox_messages_key",
                schema: "careflow",
                table: "outbox_messages",
                newName: "IX_outbox_messages_key");

            migrationBuilder.RenameIndex(
                name: "ix_needs_case_id",
                schema: "careflow",
                table: "needs",
                newName: "IX_needs_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_locations_organization_id",
                schema: "careflow",
                table: "locations",
                newName: "IX_locations_organization_id");

            migrationBuilder.RenameIndex(
                name: "ix_journal_instance_id_sequence",
                schema: "workflows",
                table: "journal",
                newName: "IX_journal_instance_id_sequence");

            migrationBuilder.RenameIndex(
                name: "ix_instances_sub_status_created_at",
                schema: "workflows",
                table: "instances",
                newName: "IX_instances_sub_status_created_at");

            migrationBuilder.RenameIndex(
                name: "ix_instances_definition_id_created_at",
                schema: "workflows",
                table: "instances",
                newName: "IX_instances_definition_id_created_at");

            migrationBuilder.RenameIndex(
                name: "ix_instances_correlation_id",
                schema: "workflows",
                table: "instances",
                newName: "IX_instances_correlation_id");

            migrationBuilder.RenameIndex(
                name: "ix_goals_plan_id",
                schema: "careflow",
                table: "goals",
                newName: "IX_goals_plan_id");

            migrationBuilder.RenameIndex(
                name: "ix_disclosure_ledger_client_id_disclosed_at",
                schema: "careflow",
                table: "disclosure_ledger",
                newName: "IX_disclosure_ledger_client_id_disclosed_at");

            migrationBuilder.RenameIndex(
                name: "ix_definitions_definition_id_version",
                schema: "workflows",
                table: "definitions",
                newName: "IX_definitions_definition_id_version");

            migrationBuilder.RenameIndex(
                name: "ix_cost_options_service_id",
                schema: "careflow",
                table: "cost_options",
                newName: "IX_cost_options_service_id");

            migrationBuilder.RenameIndex(
                name: "ix_coordinator_tasks_status_due_at",
                schema: "careflow",
                table: "coordinator_tasks",
                newName: "IX_coordinator_tasks_status_due_at");

            migrationBuilder.RenameIndex(
                name: "ix_coordinator_tasks_case_id_status",
                schema: "careflow",
                table: "coordinator_tasks",
                newName: "IX_coordinator_tasks_case_id_status");

            migrationBuilder.RenameIndex(
                name: "ix_consents_client_id",
                schema: "careflow",
                table: "consents",
                newName: "IX_consents_client_id");

            migrationBuilder.RenameIndex(
                name: "ix_clients_normalized_name_date_of_birth",
                schema: "careflow",
                table: "clients",
                newName: "IX_clients_normalized_name_date_of_birth");

            migrationBuilder.RenameIndex(
                name: "ix_clients_date_of_birth",
                schema: "careflow",
                table: "clients",
                newName: "IX_clients_date_of_birth");

            migrationBuilder.RenameIndex(
                name: "ix_check_ins_case_id_due_at",
                schema: "careflow",
                table: "check_ins",
                newName: "IX_check_ins_case_id_due_at");

            migrationBuilder.RenameIndex(
                name: "ix_cases_coordinator_id_status",
                schema: "careflow",
                table: "cases",
                newName: "IX_cases_coordinator_id_status");

            migrationBuilder.RenameIndex(
                name: "ix_cases_client_id",
                schema: "careflow",
                table: "cases",
                newName: "IX_cases_client_id");

            migrationBuilder.RenameIndex(
                name: "ix_case_events_case_id_at",
                schema: "careflow",
                table: "case_events",
                newName: "IX_case_events_case_id_at");

            migrationBuilder.RenameIndex(
                name: "ix_bookmarks_resume_at",
                schema: "workflows",
                table: "bookmarks",
                newName: "IX_bookmarks_resume_at");

            migrationBuilder.RenameIndex(
                name: "ix_bookmarks_instance_id",
                schema: "workflows",
                table: "bookmarks",
                newName: "IX_bookmarks_instance_id");

            migrationBuilder.RenameIndex(
                name: "ix_bookmarks_hash_correlation_id",
                schema: "workflows",
                table: "bookmarks",
                newName: "IX_bookmarks_hash_correlation_id");

            migrationBuilder.RenameIndex(
                name: "ix_barriers_category_recorded_at",
                schema: "careflow",
                table: "barriers",
                newName: "IX_barriers_category_recorded_at");

            migrationBuilder.RenameIndex(
                name: "ix_barriers_case_id",
                schema: "careflow",
                table: "barriers",
                newName: "IX_barriers_case_id");

            migrationBuilder.RenameIndex(
                name: "ix_audit_entries_target_id_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "IX_audit_entries_target_id_at");

            migrationBuilder.RenameIndex(
                name: "ix_audit_entries_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "IX_audit_entries_at");

            migrationBuilder.RenameIndex(
                name: "ix_audit_entries_actor_at",
                schema: "careflow",
                table: "audit_entries",
                newName: "IX_audit_entries_actor_at");

            migrationBuilder.RenameIndex(
                name: "ix_advocacy_entries_case_id_at",
                schema: "careflow",
                table: "advocacy_entries",
                newName: "IX_advocacy_entries_case_id_at");

            migrationBuilder.AddPrimaryKey(
                name: "PK_workflow_start_requests",
                schema: "careflow",
                table: "workflow_start_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_users",
                schema: "careflow",
                table: "users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_tokens",
                schema: "careflow",
                table: "user_tokens",
                columns: new[] { "user_id", "login_provider", "name" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_sessions",
                schema: "careflow",
                table: "user_sessions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_roles",
                schema: "careflow",
                table: "user_roles",
                columns: new[] { "user_id", "role_id" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_logins",
                schema: "careflow",
                table: "user_logins",
                columns: new[] { "login_provider", "provider_key" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_user_claims",
                schema: "careflow",
                table: "user_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_stabilization_plans",
                schema: "careflow",
                table: "stabilization_plans",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_services",
                schema: "careflow",
                table: "services",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_service_at_locations",
                schema: "careflow",
                table: "service_at_locations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_screenings",
                schema: "careflow",
                table: "screenings",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_roles",
                schema: "careflow",
                table: "roles",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_role_claims",
                schema: "careflow",
                table: "role_claims",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_referrals",
                schema: "careflow",
                table: "referrals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_provider_notifications",
                schema: "careflow",
                table: "provider_notifications",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_provider_links",
                schema: "careflow",
                table: "provider_links",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_provider_access_codes",
                schema: "careflow",
                table: "provider_access_codes",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_pending_events",
                schema: "workflows",
                table: "pending_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_outbox_messages",
                schema: "careflow",
                table: "outbox_messages",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_organizations",
                schema: "careflow",
                table: "organizations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_needs",
                schema: "careflow",
                table: "needs",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_locations",
                schema: "careflow",
                table: "locations",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_journal",
                schema: "workflows",
                table: "journal",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_intake_requests",
                schema: "careflow",
                table: "intake_requests",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_instances",
                schema: "workflows",
                table: "instances",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_goals",
                schema: "careflow",
                table: "goals",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_disclosure_ledger",
                schema: "careflow",
                table: "disclosure_ledger",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_definitions",
                schema: "workflows",
                table: "definitions",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_data_protection_keys",
                schema: "careflow",
                table: "data_protection_keys",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_cost_options",
                schema: "careflow",
                table: "cost_options",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_coordinator_tasks",
                schema: "careflow",
                table: "coordinator_tasks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_consents",
                schema: "careflow",
                table: "consents",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_clients",
                schema: "careflow",
                table: "clients",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_check_ins",
                schema: "careflow",
                table: "check_ins",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_cases",
                schema: "careflow",
                table: "cases",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_case_events",
                schema: "careflow",
                table: "case_events",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_bookmarks",
                schema: "workflows",
                table: "bookmarks",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_barriers",
                schema: "careflow",
                table: "barriers",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_audit_entries",
                schema: "careflow",
                table: "audit_entries",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_advocacy_entries",
                schema: "careflow",
                table: "advocacy_entries",
                column: "id");

            migrationBuilder.AddForeignKey(
                name: "FK_cases_clients_client_id",
                schema: "careflow",
                table: "cases",
                column: "client_id",
                principalSchema: "careflow",
                principalTable: "clients",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_cost_options_services_service_id",
                schema: "careflow",
                table: "cost_options",
                column: "service_id",
                principalSchema: "careflow",
                principalTable: "services",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_locations_organizations_organization_id",
                schema: "careflow",
                table: "locations",
                column: "organization_id",
                principalSchema: "careflow",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_role_claims_roles_role_id",
                schema: "careflow",
                table: "role_claims",
                column: "role_id",
                principalSchema: "careflow",
                principalTable: "roles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_services_organizations_organization_id",
                schema: "careflow",
                table: "services",
                column: "organization_id",
                principalSchema: "careflow",
                principalTable: "organizations",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_claims_users_user_id",
                schema: "careflow",
                table: "user_claims",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_logins_users_user_id",
                schema: "careflow",
                table: "user_logins",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_roles_roles_role_id",
                schema: "careflow",
                table: "user_roles",
                column: "role_id",
                principalSchema: "careflow",
                principalTable: "roles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_roles_users_user_id",
                schema: "careflow",
                table: "user_roles",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_user_tokens_users_user_id",
                schema: "careflow",
                table: "user_tokens",
                column: "user_id",
                principalSchema: "careflow",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
