#!/usr/bin/env bash
# The one command that tests everything: restore, build Release, run every test project (unit tests,
# public API snapshots, the package smoke test), then print "N passed, N failed" counted from the
# test results (TRX). Exits non-zero when anything fails. Needs only the .NET SDK.
set -uo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

step() { printf '\n== %s\n' "$*"; }

step "restore"
dotnet restore CheckIn.sln || { echo "0 passed, 1 failed"; exit 1; }

step "build (Release)"
dotnet build CheckIn.sln -c Release --no-restore || { echo "0 passed, 1 failed"; exit 1; }

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

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$test_exit" -eq 0 ]
