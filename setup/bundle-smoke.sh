#!/bin/sh
# Runs the standalone application (dist/fangtan/, built by `make bundle`) as on a machine
# without Python: with a PATH holding only sh and a few tools, it checks itself (the
# window offscreen, tagging, CSV export), then imports the sample interviews into a new
# project from the command line, lists and exports them. Exits non-zero at the first
# step that fails.
#
#   setup/bundle-smoke.sh [BUNDLE_FOLDER]      (default: dist/fangtan)
set -eu

program=setup/bundle-smoke.sh
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=${1:-$root/dist/fangtan}
case $bundle in
  /*) ;;
  *) bundle=$(pwd)/$bundle ;;
esac
[ -x "$bundle/fangtan" ] || { echo "$program: $bundle/fangtan is missing (make bundle)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/home"
for tool in sh cat head grep; do
  ln -s "$(command -v "$tool")" "$work/bin/$tool"
done

# The steps run in a shell of their own, which expands the variables handed to it.
# shellcheck disable=SC2016
env -i PATH="$work/bin" HOME="$work/home" LANG=C.UTF-8 TMPDIR="$work" \
  FANGTAN="$bundle/fangtan" SAMPLE="$root/seeds/interviews-2023-xihaian.txt" \
  PROJECT="$work/smoke.fangtan" OUT="$work" \
  "$work/bin/sh" -eu -c '
    if command -v python3 >/dev/null || command -v python >/dev/null; then
      echo "bundle smoke test: python is on PATH ($PATH), so it proves nothing" >&2
      exit 1
    fi
    "$FANGTAN" --version
    "$FANGTAN" self-check
    "$FANGTAN" import "$PROJECT" "$SAMPLE"
    documents=$("$FANGTAN" docs "$PROJECT" | grep -c "^#")
    [ "$documents" -eq 2 ] || { echo "bundle smoke test: $documents interviews, not 2" >&2; exit 1; }
    "$FANGTAN" export "$PROJECT" --format csv -o "$OUT/annotations.csv"
    head -n 1 "$OUT/annotations.csv" | grep -q "document_id,document_title,interviewee" ||
      { echo "bundle smoke test: the CSV export has no header" >&2; exit 1; }
  '
echo "bundle smoke test passed: $bundle/fangtan ran without Python"
