#!/usr/bin/env bash
# The Test command: installs what the tests need (Chromium, s3rver), starts a throwaway
# PostgreSQL 15 and an s3rver on free loopback ports, builds the solution once, runs every
# test project, stops the servers on every exit path, and ends with one summary line:
#   tests: N passed, N failed, N skipped
# Exits non-zero when the build or any test fails. Works from any directory, any number of times.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CONFIGURATION=Release
PG_BIN=/usr/lib/postgresql/15/bin
CHROMIUM=/usr/bin/chromium
S3_BUCKET=neurolake-test
TOOLS="$ROOT/scripts/test-tools"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Under /tmp, not $TMPDIR: the postgres user must be able to reach its data folder.
WORK="$(mktemp -d /tmp/neurolake-test.XXXXXX)"
chmod 755 "$WORK"
LOGS="$WORK/logs"
RESULTS="$WORK/results"
mkdir -p "$LOGS" "$RESULTS" "$WORK/s3"

PG_STARTED=false
S3_PID=""
CHILD_PID=""
KEEP_WORK=false

log() { printf '==> %s\n' "$*"; }

# PostgreSQL refuses to run as root; as any other user it runs as that user.
as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

print_server_logs() {
  local file
  for file in "$LOGS"/postgres.log "$LOGS"/s3rver.log; do
    [[ -s $file ]] || continue
    printf -- '--- last lines of %s\n' "$file"
    tail -n 15 "$file"
  done
}

# The browser tests' app log (written by their fixture): its warnings and errors, which often explain a UI timeout.
print_app_warnings() {
  local file="$ROOT/artifacts/e2e-app.log"
  [[ -s $file ]] || return 0
  printf -- '--- warnings and errors of the app the browser tests ran (%s)\n' "$file"
  grep -A3 -E '^(warn|fail|crit):' "$file" | tail -n 40 || true
}

# The names and first message lines of failed tests, printed last so a truncated CI log still shows them.
print_failed_tests() {
  local trx
  for trx in "$RESULTS"/*.trx; do
    [[ -f $trx ]] || continue
    perl -0777 -ne '
      while (/<UnitTestResult\b([^>]*?)(?:\/>|>(.*?)<\/UnitTestResult>)/gs) {
        my ($attrs, $body) = ($1, $2 // "");
        next if $attrs =~ /outcome="(Passed|NotExecuted)"/;
        my ($name) = $attrs =~ /testName="([^"]*)"/;
        my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
        $message //= "";
        $message =~ s/&lt;/</g; $message =~ s/&gt;/>/g; $message =~ s/&quot;/"/g; $message =~ s/&amp;/&/g;
        my @lines = grep { /\S/ } split /\n/, $message;
        splice @lines, 6 if @lines > 6;
        print "FAILED $name\n", map { "    $_\n" } @lines;
      }' "$trx" || true
  done
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $CHILD_PID ]]; then
    kill -TERM -- "-$CHILD_PID" 2>/dev/null || true
    wait "$CHILD_PID" 2>/dev/null || true
  fi
  if [[ -n $S3_PID ]]; then
    kill "$S3_PID" 2>/dev/null || true
    wait "$S3_PID" 2>/dev/null || true
  fi
  if $PG_STARTED; then
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ $status -ne 0 ]] || $KEEP_WORK; then
    print_server_logs
    print_app_warnings
    print_failed_tests
    rm -rf "$WORK/pg/data" "$WORK/s3"
    log "logs and test results kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in its own process group and waits, so INT/TERM reach the trap at once
# and the trap can stop the whole tree (test host, the app an e2e fixture starts, Chromium).
run() {
  setsid -w "$@" &
  CHILD_PID=$!
  local status=0
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  return "$status"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A loopback port nothing listens on, distinct from the ports given as arguments.
free_port() {
  local port taken
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 40000))
    for taken in "$@"; do [[ $port -eq $taken ]] && continue 2; done
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "no free loopback port found" >&2
  return 1
}

wait_for_port() { # name port pid-or-empty
  local name=$1 port=$2 pid=${3:-}
  for _ in $(seq 300); do
    port_in_use "$port" && return 0
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then
      echo "$name exited before accepting connections on port $port" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "$name did not accept connections on port $port within 30 s" >&2
  return 1
}

install_chromium() {
  [[ -x $CHROMIUM ]] && return 0
  if [[ $EUID -ne 0 ]]; then
    echo "$CHROMIUM is missing; install it with: sudo apt-get install -y chromium" >&2
    return 1
  fi
  log "installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -q >"$LOGS/apt.log" 2>&1 &&
    apt-get -o DPkg::Lock::Timeout=300 install -y -q chromium >>"$LOGS/apt.log" 2>&1 ||
    { tail -n 30 "$LOGS/apt.log" >&2; return 1; }
}

# npm ci only when node_modules does not match the committed lock file.
install_test_tools() {
  local stamp="$TOOLS/node_modules/.neurolake-lock.sha256"
  local want
  want="$(sha256sum "$TOOLS/package-lock.json" | cut -d' ' -f1)"
  if [[ -x $TOOLS/node_modules/.bin/s3rver && -f $stamp && $(cat "$stamp") == "$want" ]]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 and npm" >&2; return 1; }
  log "installing test tools (npm ci in scripts/test-tools)"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}

start_postgres() {
  local port=$1
  mkdir -p "$WORK/pg"
  chown postgres:postgres "$WORK/pg" 2>/dev/null || true
  touch "$LOGS/postgres.log"
  chown postgres:postgres "$LOGS/postgres.log" 2>/dev/null || true
  as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U neurolake -E UTF8 --no-sync \
    >"$WORK/pg/initdb.log" 2>&1 || { cat "$WORK/pg/initdb.log" >&2; return 1; }
  PG_STARTED=true
  as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -w -t 60 -l "$LOGS/postgres.log" \
    -o "-p $port -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  wait_for_port PostgreSQL "$port"
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U neurolake -d postgres -t 30
}

start_s3rver() {
  local port=$1
  "$TOOLS/node_modules/.bin/s3rver" -d "$WORK/s3" -a 127.0.0.1 -p "$port" \
    --configure-bucket "$S3_BUCKET" >"$LOGS/s3rver.log" 2>&1 &
  S3_PID=$!
  wait_for_port s3rver "$port" "$S3_PID"
}

# Prints "passed failed skipped" for one trx file; errors, timeouts and aborts count as failed.
count_trx() {
  local outcomes passed failed skipped
  outcomes="$(tr '\n' ' ' <"$1" | grep -o '<UnitTestResult [^>]*>' | grep -o ' outcome="[A-Za-z]*"' || true)"
  passed=$(grep -c '"Passed"' <<<"$outcomes" || true)
  skipped=$(grep -c '"NotExecuted"' <<<"$outcomes" || true)
  failed=$(grep -vc -e '"Passed"' -e '"NotExecuted"' -e '^$' <<<"$outcomes" || true)
  echo "$passed $failed $skipped"
}

rm -f "$ROOT/artifacts/e2e-app.log"
install_chromium
install_test_tools

log "building NeuroLake.sln ($CONFIGURATION)"
if ! run dotnet build NeuroLake.sln -c "$CONFIGURATION" -nologo -v minimal; then
  echo "build failed" >&2
  exit 1
fi

PG_PORT="$(free_port)"
S3_PORT="$(free_port "$PG_PORT")"
log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT"
start_postgres "$PG_PORT"
log "starting s3rver on 127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"
start_s3rver "$S3_PORT"

export NEUROLAKE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=neurolake;Database=postgres"
export NEUROLAKE_TEST_S3="http://127.0.0.1:$S3_PORT"
export NEUROLAKE_TEST_S3_ACCESS_KEY=S3RVER
export NEUROLAKE_TEST_S3_SECRET_KEY=S3RVER
export NEUROLAKE_TEST_S3_BUCKET="$S3_BUCKET"
export NEUROLAKE_TEST_CHROMIUM="$CHROMIUM"

mapfile -t PROJECTS < <(grep -rl --include='*.csproj' '<IsTestProject>true</IsTestProject>' . |
  grep -v -e '/bin/' -e '/obj/' -e '/node_modules/' | sed 's|^\./||' | LC_ALL=C sort)

total_passed=0 total_failed=0 total_skipped=0
for project in "${PROJECTS[@]}"; do
  name="$(basename "$project" .csproj)"
  trx="$RESULTS/$name.trx"
  log "testing $name"
  status=0
  run dotnet test "$project" -c "$CONFIGURATION" --no-build \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$RESULTS" --blame-hang-timeout 20m --blame-hang-dump-type none || status=$?
  passed=0 failed=0 skipped=0
  [[ -f $trx ]] && read -r passed failed skipped < <(count_trx "$trx")
  if [[ $status -ne 0 && $failed -eq 0 ]]; then
    # A crashed or hung test host, or a run that never wrote its report: still a failure.
    echo "$name: dotnet test exited with $status but reported no failed test" >&2
    failed=1
  fi
  echo "$name: $passed passed, $failed failed, $skipped skipped"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_skipped=$((total_skipped + skipped))
done

[[ $total_failed -gt 0 ]] && KEEP_WORK=true
echo "tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
[[ $total_failed -eq 0 ]]
