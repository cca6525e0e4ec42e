#!/usr/bin/env bash
# Runs every test project (unit, integration on a private PostgreSQL, browser tests in Debian's chromium)
# and ends with one line: "N passed, N failed[, N skipped]" summed over all projects.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_dotnet
# LibreOffice, poppler and zbar render the generated documents and read them back (Features/Documents rendering tests).
apt_install postgresql-15 chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils zbar-tools
ensure_postgres exemplar_test
ensure_web_assets
cd "$REPO_ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export EXEMPLAR_CHROMIUM="${EXEMPLAR_CHROMIUM:-/usr/bin/chromium}"

log "building"
dotnet build Exemplar.slnx -c Release -v quiet -nologo -clp:ErrorsOnly

passed=0; failed=0; skipped=0; status=0
mkdir -p artifacts
for proj in tests/*/*.csproj; do
  name="$(basename "$proj" .csproj)"
  log "running $name"
  out="artifacts/$name.log"
  set +e
  dotnet test "$proj" -c Release --no-build -nologo 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  set -e
  # xunit's summary: "Passed!  - Failed:     0, Passed:    13, Skipped:     0, Total:    13"
  line="$(grep -E '(Passed|Failed)! +- +Failed: ' "$out" | tail -n 1 || true)"
  if [ -z "$line" ]; then
    log "$name produced no test summary (exit $rc)"; failed=$((failed + 1)); status=1; continue
  fi
  f=$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")
  p=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")
  s=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  [ "$rc" -ne 0 ] && status=1
done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit $status
