#!/usr/bin/env bash
# Records deliberate public API changes in PublicAPI.Unshipped.txt, as the IDE's PublicApiAnalyzers code fix
# would: builds each package, adds the symbols RS0016 reports as undeclared and removes those RS0017 reports
# as gone. Review the diff before committing it. Usage: tools/update-public-api.sh [src/CheckIn.X ...]
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
projects=("$@")
if [ "${#projects[@]}" -eq 0 ]; then
  mapfile -t projects < <(ls -d src/*/ | sed 's:/$::')
fi
for dir in "${projects[@]}"; do
  project="$dir/$(basename "$dir").csproj"
  unshipped="$dir/PublicAPI.Unshipped.txt"
  [ -f "$unshipped" ] || continue
  log=$(dotnet build "$project" -c Release --no-incremental -p:TreatWarningsAsErrors=false 2>&1 || true)
  added=$(printf '%s\n' "$log" | grep -E "(warning|error) RS0016" | grep -F "$(basename "$project")]" | sed -nE "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/p" | sort -u || true)
  removed=$(printf '%s\n' "$log" | grep -E "(warning|error) RS0017" | grep -F "$(basename "$project")]" | sed -nE "s/.*Symbol '(.*)' is part of the declared API, but is either not public or could not be found.*/\1/p" | sort -u || true)
  {
    head -n 1 "$unshipped"
    { tail -n +2 "$unshipped" | grep -vxF -f <(printf '%s\n' "$removed") || true; printf '%s\n' "$added"; } | grep -v '^$' | sort -u
  } > "$unshipped.new"
  mv "$unshipped.new" "$unshipped"
  echo "$dir: $(printf '%s\n' "$added" | grep -c . || true) added, $(printf '%s\n' "$removed" | grep -c . || true) removed"
done
