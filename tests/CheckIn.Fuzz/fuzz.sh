#!/usr/bin/env bash
# Coverage-guided fuzzing of every CheckIn parser with AFL++ and SharpFuzz.
#
#   tests/CheckIn.Fuzz/fuzz.sh [--seconds N] [--out DIR] [--trx FILE] [TARGET ...]
#
# Publishes the harness, instruments the CheckIn assemblies (SharpFuzz.CommandLine 2.3.0, installed into DIR),
# then runs afl-fuzz on each target for N seconds (default 6) from its seed corpus (corpus/TARGET). Prints one
# "[fuzz]" line per target (executions, corpus found, crashes, hangs), writes DIR/summary.tsv, and with --trx a
# test-results file with one test per target (passed: it ran and found no crash or hang). Crashing and hanging
# inputs are copied to DIR/found/TARGET: fix the bug, then add the input to regressions/TARGET, where the tests
# replay it. Exit status 1 when anything was found or a target could not run. Needs afl-fuzz (Debian: afl++).
# A long run: tests/CheckIn.Fuzz/fuzz.sh --seconds 3600 payload signed
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds=6
out="$here/../../artifacts/fuzz"
trx=""
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --trx) trx="$2"; shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ "${#targets[@]}" -gt 0 ] || targets=(payload signed trustlist png pnm qr declaration visitscsv eventscsv linkscsv venuescsv encounterscsv followupjson paperlog simulation notices base45 dcc venueprofilecsv)
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/findings" "$out/found"
mkdir -p "$out/findings"
summary="$out/summary.tsv"
printf 'target\texecutions\tcorpus\tcrashes\thangs\tseconds\tstatus\n' > "$summary"

problem=""
if ! command -v afl-fuzz >/dev/null 2>&1; then
  problem="afl-fuzz is missing (install Debian's afl++)"
else
  if [ ! -x "$out/tools/sharpfuzz" ]; then
    dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$out/tools" >/dev/null || problem="could not install SharpFuzz.CommandLine"
  fi
  if [ -z "$problem" ]; then
    rm -rf "$out/bin"
    dotnet publish "$here/CheckIn.Fuzz.csproj" -c Release -o "$out/bin" -p:UseAppHost=false >/dev/null || problem="could not build the harness"
  fi
  if [ -z "$problem" ]; then
    for assembly in "$out"/bin/CheckIn.*.dll; do
      [ "$(basename "$assembly")" = "CheckIn.Fuzz.dll" ] && continue
      "$out/tools/sharpfuzz" "$assembly" >/dev/null || problem="could not instrument $(basename "$assembly")"
    done
  fi
fi

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 \
  AFL_FORKSRV_INIT_TMOUT=30000 AFL_QUIET=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_TieredPGO=0
status=0
results=()
# The canary must crash within seconds: proof that instrumentation and crash reporting work, before any "0 crashes".
if [ -z "$problem" ]; then
  mkdir -p "$out/canary-seed" && printf 'A' > "$out/canary-seed/a"
  rm -rf "$out/findings/canary"
  timeout 60 afl-fuzz -i "$out/canary-seed" -o "$out/findings/canary" -V 5 -t 3000 -m none \
    -- "$(command -v dotnet)" "$out/bin/CheckIn.Fuzz.dll" canary > "$out/canary.log" 2>&1
  canary=$(grep -E '^saved_crashes +:' "$out/findings/canary/default/fuzzer_stats" 2>/dev/null | sed -E 's/.*: *//')
  if [ "${canary:-0}" -gt 0 ]; then
    echo "[fuzz] canary: crash found as it must be (the harness reports crashes)"
  else
    problem="the canary target's crash was not found: the harness cannot report crashes (see $out/canary.log)"
    echo "[fuzz] $problem"
  fi
fi
for target in "${targets[@]}"; do
  execs=0 corpus=0 crashes=0 hangs=0 state="ok"
  if [ -n "$problem" ]; then
    state="$problem"
  elif [ ! -d "$here/corpus/$target" ]; then
    state="no seed corpus for $target"
  else
    findings="$out/findings/$target"
    # The first run of each input JITs the parser: a generous time limit, so only real hangs count.
    timeout $((seconds + 90)) afl-fuzz -i "$here/corpus/$target" -o "$findings" -V "$seconds" -t 3000 -m none \
      -- "$(command -v dotnet)" "$out/bin/CheckIn.Fuzz.dll" "$target" > "$out/$target.log" 2>&1
    stats="$findings/default/fuzzer_stats"
    if [ -f "$stats" ]; then
      field() { grep -E "^$1 +:" "$stats" | sed -E 's/.*: *//'; }
      execs=$(field execs_done); corpus=$(field corpus_count); crashes=$(field saved_crashes); hangs=$(field saved_hangs)
      for kind in crashes hangs; do
        for input in "$findings/default/$kind"/id:*; do
          [ -f "$input" ] || continue
          mkdir -p "$out/found/$target"
          cp "$input" "$out/found/$target/$kind-$(basename "$input" | cut -c1-9 | tr ':' '-')"
        done
      done
      [ "$crashes" -eq 0 ] && [ "$hangs" -eq 0 ] || state="found $crashes crashes and $hangs hangs: inputs in $out/found/$target"
      [ "$execs" -gt 0 ] || state="no executions (see $out/$target.log)"
    else
      state="afl-fuzz did not run (see $out/$target.log)"
    fi
  fi
  [ "$state" = "ok" ] || status=1
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$execs" "$corpus" "$crashes" "$hangs" "$seconds" "$state" >> "$summary"
  echo "[fuzz] $target: $execs executions in ${seconds} s, corpus $corpus inputs, $crashes crashes, $hangs hangs ($state)"
  results+=("$target|$state")
done

if [ -n "$trx" ]; then
  total=${#results[@]}
  failed=0
  body=""
  for entry in "${results[@]}"; do
    name="${entry%%|*}"; state="${entry#*|}"
    outcome="Passed"; [ "$state" = "ok" ] || { outcome="Failed"; failed=$((failed + 1)); }
    state_xml=$(printf '%s' "$state" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
    body+="    <UnitTestResult testName=\"fuzz.$name\" outcome=\"$outcome\"><Output><StdOut>$state_xml</StdOut></Output></UnitTestResult>"$'\n'
  done
  mkdir -p "$(dirname "$trx")"
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<TestRun name="CheckIn fuzz campaign" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">'
    echo '  <Results>'
    printf '%s' "$body"
    echo '  </Results>'
    echo "  <ResultSummary outcome=\"$([ "$failed" -eq 0 ] && echo Completed || echo Failed)\"><Counters total=\"$total\" executed=\"$total\" passed=\"$((total - failed))\" failed=\"$failed\" error=\"0\" timeout=\"0\" aborted=\"0\" /></ResultSummary>"
    echo '</TestRun>'
  } > "$trx"
fi
exit $status
