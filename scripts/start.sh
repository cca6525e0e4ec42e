#!/usr/bin/env bash
# Starts Exemplar with demo data on http://127.0.0.1:5080 (provisions a private PostgreSQL unless
# ConnectionStrings__Default is set). Safe to run again: migrations and demo data are idempotent.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_dotnet
ensure_postgres exemplar
ensure_web_assets
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Exemplar__SeedDemoData=true
# Links the product sends out (survey links) are built from this address, never from a request's Host header.
# Demo only: officers may sign in without binding an authenticator (the banner says so); production enforces it.
export Exemplar__TwoFactor__Enforce="${EXEMPLAR_ENFORCE_TWO_FACTOR:-false}"
export Exemplar__PublicBaseUrl="${EXEMPLAR_PUBLIC_URL:-${EXEMPLAR_URLS:-http://127.0.0.1:5080}}"
log "building"
dotnet build src/Exemplar.Web -c Release -v quiet -nologo -clp:ErrorsOnly
exec dotnet run --project src/Exemplar.Web -c Release --no-build --no-launch-profile -- --urls "${EXEMPLAR_URLS:-http://127.0.0.1:5080}"
