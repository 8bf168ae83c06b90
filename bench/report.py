#!/usr/bin/env python3
"""Turns the benchmark's result lines into a Markdown table: req/s, p50 and p99 per URL class and
connection count, and each class's throughput as a share of the reference page's."""
import json
import sys

LABELS = {
    "search": "1. directory search, Chinese name fragment",
    "filter": "2. directory, region + minimum stars",
    "profile": "3. institution profile",
    "verify": "4. certificate verification",
    "api": "5. open-data JSON page",
    "regulator": "6. regulator's institution list (signed in)",
    "static": "7. static asset (ceiling)",
    "reference": "8. reference page, 12 rows (floor)",
}

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
reference = {r["connections"]: r["rps"] for r in rows if r["class"] == "reference"}
print("| URL class | connections | distinct requests | req/s | p50 ms | p99 ms | errors | × reference |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in sorted(rows, key=lambda r: (r["connections"], list(LABELS).index(r["class"]))):
    ratio = r["rps"] / reference[r["connections"]] if reference.get(r["connections"]) else 0
    print(f"| {LABELS[r['class']]} | {r['connections']} | {r['distinct']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
          f"{r['p99_ms']:.1f} | {r['errors']} | {ratio:.2f} |")
