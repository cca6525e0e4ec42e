# Shared helpers for start.sh and test.sh. Sourced, not run.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="$REPO_ROOT/.data"
PG_PORT="${EXEMPLAR_PG_PORT:-}"

log() { printf '[exemplar] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  # Installs the Debian packages that are missing, idempotently.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  if [ $apt_updated -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_bin() {
  local d
  for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  return 1
}

# Runs a command as the postgres system user (PostgreSQL refuses to run as root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# Starts (creating on first use) the private cluster in .data/pg and exports ConnectionStrings__Default
# for database $1. Does nothing when ConnectionStrings__Default is already set.
ensure_postgres() {
  local db="$1"
  if [ -n "${ConnectionStrings__Default:-}" ]; then
    log "using the given ConnectionStrings__Default; provisioning nothing"
    return 0
  fi
  pg_bin >/dev/null 2>&1 || apt_install postgresql-15
  local bin; bin="$(pg_bin)"
  mkdir -p "$DATA_DIR"
  local cluster="$DATA_DIR/pg"
  if [ "$(id -u)" -eq 0 ]; then
    # The server runs as 'postgres'; if it cannot reach a folder inside this checkout (e.g. under /root),
    # the cluster lives in /var/lib/exemplar and .data/pg points there.
    if ! (cd / && runuser -u postgres -- test -x "$DATA_DIR") 2>/dev/null || [ -L "$cluster" ]; then
      local hash; hash="$(printf '%s' "$REPO_ROOT" | sha1sum | cut -c1-12)"
      local real="/var/lib/exemplar/$hash/pg"
      mkdir -p "$(dirname "$real")"; chown postgres "$(dirname "$real")"
      [ -L "$cluster" ] || ln -s "$real" "$cluster"
      cluster="$real"
    fi
  fi
  local pwfile="$DATA_DIR/pg.password" portfile="$DATA_DIR/pg.port"
  if [ -z "$PG_PORT" ] && [ -s "$portfile" ]; then PG_PORT="$(cat "$portfile")"; fi
  if [ ! -s "$cluster/PG_VERSION" ]; then
    if [ -z "$PG_PORT" ]; then
      # The first free port from 55432, so several checkouts can each have their own cluster.
      PG_PORT=55432
      while (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
    fi
    echo "$PG_PORT" > "$portfile"
    log "creating a private PostgreSQL cluster in $cluster (port $PG_PORT)"
    [ -s "$pwfile" ] || (umask 077; head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$pwfile")
    mkdir -p "$cluster"
    local tmppw; tmppw="$(mktemp)"; cp "$pwfile" "$tmppw"; chmod 644 "$tmppw"
    [ "$(id -u)" -eq 0 ] && chown postgres "$cluster" "$tmppw"
    as_pg "$bin/initdb" -D "$cluster" -U exemplar --pwfile="$tmppw" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$tmppw"
    cat >> "$cluster/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = ''
max_connections = 200
fsync = on
shared_buffers = 256MB
CONF
  fi
  PG_PORT="$(sed -n 's/^port = //p' "$cluster/postgresql.conf" | tail -n 1)"
  echo "$PG_PORT" > "$portfile"
  if ! as_pg "$bin/pg_ctl" -D "$cluster" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_pg "$bin/pg_ctl" -D "$cluster" -l "$cluster/server.log" -w -t 60 start >/dev/null
  fi
  local pw; pw="$(cat "$pwfile")"
  export ConnectionStrings__Default="Host=127.0.0.1;Port=$PG_PORT;Username=exemplar;Password=$pw;Database=$db"
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 || { log "the .NET 10 SDK is required (dotnet not on PATH)"; exit 1; }
}

# Browser libraries from npm (package.json + the pinned package-lock.json at the repository root), served by the
# site itself from wwwroot/lib (git-ignored copies; no CDN). npm ci runs only when the lock file changed since the
# last install; it never prompts (CI=true, no input).
ensure_web_assets() {
  local lock="$REPO_ROOT/package-lock.json" stamp="$REPO_ROOT/node_modules/.exemplar-lock.sha256"
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  local want; want="$(sha256sum "$lock" | cut -d' ' -f1)"
  if [ ! -s "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || [ ! -f "$REPO_ROOT/node_modules/echarts/dist/echarts.min.js" ]; then
    log "installing browser libraries (npm ci)"
    (cd "$REPO_ROOT" && CI=true npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
    echo "$want" > "$stamp"
  fi
  local dest="$REPO_ROOT/src/Exemplar.Web/wwwroot/lib/echarts"
  mkdir -p "$dest"
  cmp -s "$REPO_ROOT/node_modules/echarts/dist/echarts.min.js" "$dest/echarts.min.js" \
    || cp "$REPO_ROOT/node_modules/echarts/dist/echarts.min.js" "$dest/echarts.min.js"
  cmp -s "$REPO_ROOT/node_modules/echarts/LICENSE" "$dest/LICENSE" || cp "$REPO_ROOT/node_modules/echarts/LICENSE" "$dest/LICENSE"
}
