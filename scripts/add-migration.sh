#!/usr/bin/env bash
# Adds an EF Core migration named $1 for both providers with the dotnet-ef local tool (.config/dotnet-tools.json):
#   ./scripts/add-migration.sh AddReferralNotes
# writes src/CareFlow.Infrastructure/Migrations/{Postgres,Sqlite}/<timestamp>_<Name>.cs and updates both model
# snapshots. No database is touched (the design-time factories in Persistence/ build the model only). To undo
# the last one: dotnet ef migrations remove --force --project src/CareFlow.Infrastructure --context <Context>.
set -euo pipefail

name=${1:-}
[[ $name =~ ^[A-Za-z][A-Za-z0-9]*$ ]] || { echo "usage: $0 <MigrationName> (letters and digits)" >&2; exit 2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
dotnet tool restore >/dev/null

project=src/CareFlow.Infrastructure
dotnet build "$project" -v quiet -nologo
for provider in Postgres Sqlite; do
    dotnet ef migrations add "$name" --no-build --project "$project" \
        --context "${provider}CareFlowDbContext" \
        --output-dir "Migrations/$provider" --namespace "CareFlow.Infrastructure.Migrations.$provider"
done
