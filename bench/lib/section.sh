# Sourced by the bench scripts: rewrites one marked section of a Markdown file.
#
#   write_section DOC NAME SECTION_FILE
#
# replaces the lines between "<!-- NAME: begin -->" and "<!-- NAME: end -->" in DOC with SECTION_FILE, where the
# markers are (so the section keeps its place), or appends the marked section at the end of DOC. The new DOC is
# written beside it and renamed over it: a run that fails half-way leaves DOC as it was.
write_section() {
  local doc=$1 name=$2 section=$3
  local begin="<!-- $name: begin -->" end="<!-- $name: end -->" tmp
  tmp=$(mktemp "$(dirname "$doc")/.$(basename "$doc").XXXXXX")
  if [[ -f $doc ]] && grep -qxF -- "$begin" "$doc"; then
    awk -v b="$begin" -v e="$end" -v f="$section" '
      $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
      $0 == e { skip = 0 }
      !skip { print }' "$doc" >"$tmp"
  else
    { [[ -f $doc ]] && cat "$doc" && echo; echo "$begin"; cat "$section"; echo "$end"; } >"$tmp"
  fi
  chmod 644 "$tmp"
  mv -f "$tmp" "$doc"
}
