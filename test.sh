#!/usr/bin/env bash
# The one command that tests everything: restore, build Release (PublicApiAnalyzers check every package's
# declared API), run every test project (unit and property tests, the package smoke test), then print
# "N passed, N failed" counted from the test results (TRX). Exits non-zero when anything fails. Needs the
# .NET SDK; the QR interoperability tests also need two independent QR tools from Debian (zbar-tools,
# qrencode), the demo's report test and the service's browser test (Playwright) a headless browser (chromium),
# the fuzz campaign AFL++ (afl++), and the PostgreSQL store's tests PostgreSQL's server programs (postgresql: the
# tests start their own servers with initdb and pg_ctl on loopback ports, as the postgres user when run as root):
# installed here when missing and the machine allows it (root, or passwordless sudo). The fuzz campaign
# (tests/CheckIn.Fuzz/fuzz.sh) gives each parser CHECKIN_FUZZ_SECONDS (default 5) under AFL++; its result
# counts as one test per parser.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }

step "tools"
missing=()
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
command -v qrencode >/dev/null 2>&1 || missing+=(qrencode)
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v afl-fuzz >/dev/null 2>&1 || missing+=(afl++)
pg_initdb() { ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1; }
[ -n "$(pg_initdb)" ] || missing+=(postgresql)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else sudo="none"; fi
  if [ "$sudo" = "none" ]; then
    echo "cannot install ${missing[*]} (not root): the tests that need them will fail and say so"
  else
    echo "installing ${missing[*]}"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "apt-get could not install ${missing[*]}: the tests that need them will fail and say so"
  fi
fi
echo "zbarimg: $(command -v zbarimg || echo missing), qrencode: $(command -v qrencode || echo missing), chromium: $(command -v chromium || echo missing), afl-fuzz: $(command -v afl-fuzz || echo missing), PostgreSQL: $(pg_initdb | grep . || echo missing)"

step "restore"
dotnet restore CheckIn.sln || { echo "0 passed, 1 failed"; exit 1; }

step "build (Release)"
dotnet build CheckIn.sln -c Release --no-restore || { echo "0 passed, 1 failed"; exit 1; }

step "fuzz (AFL++ and SharpFuzz, ${CHECKIN_FUZZ_SECONDS:-5} s a parser)"
tests/CheckIn.Fuzz/fuzz.sh --seconds "${CHECKIN_FUZZ_SECONDS:-5}" --trx "$results/fuzz.trx"

step "test"
dotnet test CheckIn.sln -c Release --no-build --logger trx --results-directory "$results" "$@"
test_exit=$?

# Sum the counters of every TRX file. A test host that crashed leaves no counters: the exit code covers it.
passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
done

if [ "${#trx_files[@]}" -eq 0 ] || { [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # The runner failed without recording a failed test (build error, crashed host): count it as one.
  failed=$((failed + 1))
fi

# Measurements the tests report (the hard QR corpus: CheckIn against ZXing.Net and zbarimg; crafted images),
# and the fuzz campaign's executions per parser.
for trx in "${trx_files[@]}"; do
  grep -o '\[corpus\][^<&]*' "$trx" || true
done
[ -f artifacts/fuzz/summary.tsv ] && awk -F '\t' 'NR > 1 { printf "[fuzz] %s: %s executions, corpus %s, %s crashes, %s hangs (%s)\n", $1, $2, $3, $4, $5, $7 }' artifacts/fuzz/summary.tsv

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$test_exit" -eq 0 ]
