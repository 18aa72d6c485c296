#!/usr/bin/env bash
# Rewrites the seed corpora fuzz/corpus/TARGET/ from the test data, the samples and what the
# real binary exports: fuzz/make_corpus.sh PATH/TO/corpgraph
# The seeds are committed so that tools/fuzz.sh starts from meaningful inputs without a build of
# the plain binary; rerun this when the formats change.
set -euo pipefail
bin="$(realpath "$1")"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$root/fuzz/corpus"
bad="$root/tests/data/bad"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rm -rf "$corpus"
for t in extract articles graph_file relations_json relations_jsonl relations_csv relations_tsv \
         import_graphml import_node_link; do
  mkdir -p "$corpus/$t"
done
seed() {  # seed TARGET FILE [NAME]; tools/fuzz.sh runs with -max_len=65536, so no larger seeds
  [ -s "$2" ] || return 0
  [ "$(stat -c %s "$2")" -le 65536 ] || return 0
  cp "$2" "$corpus/$1/${3:-$(basename "$2")}"
}

# Articles: a few of the development set and every sample, plus the hostile ones.
for f in $(ls "$root"/tests/data/articles/*.txt 2>/dev/null | head -12) "$root"/samples/articles/*.txt \
         "$bad"/article_*.txt; do
  [ -f "$f" ] && seed extract "$f"
done
for f in "$bad"/articles_*.jsonl; do seed articles "$f"; done
if ls "$root"/samples/articles/*.txt >/dev/null 2>&1; then
  /usr/bin/python3 - "$root/samples/articles" "$corpus/articles/samples.jsonl" <<'PY'
import json, pathlib, sys
out = open(sys.argv[2], "w", encoding="utf-8")
for i, p in enumerate(sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))):
    out.write(json.dumps({"id": p.stem, "title": p.stem, "date": "2024-0%d-01" % (i % 9 + 1),
                          "text": p.read_text(encoding="utf-8"), "lang": "en"}) + "\n")
PY
fi

# Relation files in each format from the founding sample.
founding="$root/samples/relations/founding.jsonl"
seed relations_jsonl "$founding"
/usr/bin/python3 - "$founding" "$corpus" <<'PY'
import csv, json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
c = sys.argv[2]
json.dump(rows[:5], open(c + "/relations_json/founding.json", "w"), indent=1)
cols = ["source", "relation", "target", "status", "confidence", "doc", "sentence"]
for ext, delim in (("csv", ","), ("tsv", "\t")):
    with open("%s/relations_%s/founding.%s" % (c, ext, ext), "w", newline="") as f:
        w = csv.writer(f, delimiter=delim, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(k, "") for k in cols])
PY
for f in "$bad"/rel_*.json; do seed relations_json "$f"; done
for f in "$bad"/rel_*.jsonl; do seed relations_jsonl "$f"; done
for f in "$bad"/rel_*.csv; do seed relations_csv "$f"; done
for f in "$bad"/rel_*.tsv; do seed relations_tsv "$f"; done

# Graph files and exports of the sample graph, written by the real binary.
"$bin" build "$founding" -o "$tmp/founding.json" 2>/dev/null && seed graph_file "$tmp/founding.json"
for f in "$bad"/graph_*.json; do
  case "$f" in *deep*) ;; *) seed graph_file "$f" ;; esac
done
if [ -f "$tmp/founding.json" ]; then
  "$bin" export "$tmp/founding.json" --format graphml -o "$tmp/founding.graphml" 2>/dev/null &&
    seed import_graphml "$tmp/founding.graphml"
  "$bin" export "$tmp/founding.json" --format json -o "$tmp/founding.nl.json" 2>/dev/null &&
    seed import_node_link "$tmp/founding.nl.json"
fi
for f in "$bad"/graphml_*.graphml; do
  case "$f" in *deep*) ;; *) seed import_graphml "$f" ;; esac
done
for f in "$bad"/nodelink_*.json; do seed import_node_link "$f"; done
find "$corpus" -type f | wc -l | xargs echo "seed files:"
du -sh "$corpus"
