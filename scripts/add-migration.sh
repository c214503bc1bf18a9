#!/usr/bin/env bash
# EF Core migrations for both providers with the dotnet-ef local tool (.config/dotnet-tools.json):
#   ./scripts/add-migration.sh AddReferralNotes   adds src/CareFlow.Infrastructure/Migrations/{Postgres,Sqlite}/<timestamp>_<Name>.cs
#                                                 and updates both model snapshots
#   ./scripts/add-migration.sh --check            exits 1 when the model has changes without a migration
# No database is touched (the design-time factories in Persistence/ build the model only). To undo the last one:
#   dotnet ef migrations remove --force --project src/CareFlow.Infrastructure --context <Postgres|Sqlite>CareFlowDbContext
set -euo pipefail

arg=${1:-}
[[ $arg == --check || $arg =~ ^[A-Za-z][A-Za-z0-9]*$ ]] || { echo "usage: $0 <MigrationName> (letters and digits) | --check" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
dotnet tool restore >/dev/null

project=src/CareFlow.Infrastructure
dotnet build "$project" -v quiet -nologo
rc=0
for provider in Postgres Sqlite; do
    if [[ $arg == --check ]]; then
        dotnet ef migrations has-pending-model-changes --no-build --project "$project" --context "${provider}CareFlowDbContext" || rc=1
    else
        dotnet ef migrations add "$arg" --no-build --project "$project" \
            --context "${provider}CareFlowDbContext" \
            --output-dir "Migrations/$provider" --namespace "CareFlow.Infrastructure.Migrations.$provider"
    fi
done
exit "$rc"
