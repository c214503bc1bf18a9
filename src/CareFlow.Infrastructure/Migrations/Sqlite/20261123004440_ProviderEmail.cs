using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareFlow.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProviderEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bookmarks_hash",
                table: "bookmarks");

            migrationBuilder.CreateTable(
                name: "disclosure_ledger",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    client_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    consent_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    referral_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recipient_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    information = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    disclosed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_disclosure_ledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    message_id = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    text_body = table.Column<string>(type: "TEXT", nullable: false),
                    html_body = table.Column<string>(type: "TEXT", nullable: true),
                    topic = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    workflow_instance_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    lock_token = table.Column<Guid>(type: "TEXT", nullable: true),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: true),
                    failed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    failure_handled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_access_codes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    link_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    salt = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    used_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_access_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "provider_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    referral_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    recipient_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    decided_at = table.Column<long>(type: "INTEGER", nullable: true),
                    decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_links", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_hash_correlation_id",
                table: "bookmarks",
                columns: new[] { "hash", "correlation_id" });

            migrationBuilder.CreateIndex(
                name: "IX_disclosure_ledger_client_id_disclosed_at",
                table: "disclosure_ledger",
                columns: new[] { "client_id", "disclosed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_key",
                table: "outbox_messages",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_status_next_attempt_at",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_topic",
                table: "outbox_messages",
                column: "topic");

            migrationBuilder.CreateIndex(
                name: "IX_provider_access_codes_link_id_created_at",
                table: "provider_access_codes",
                columns: new[] { "link_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_provider_links_referral_id",
                table: "provider_links",
                column: "referral_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disclosure_ledger");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "provider_access_codes");

            migrationBuilder.DropTable(
                name: "provider_links");

            migrationBuilder.DropIndex(
                name: "IX_bookmarks_hash_correlation_id",
                table: "bookmarks");

            migrationBuilder.CreateIndex(
                name: "IX_bookmarks_hash",
                table: "bookmarks",
                column: "hash");
        }
    }
}
