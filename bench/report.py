#!/usr/bin/env python3
"""Turns the benchmark's result lines into a Markdown table: req/s, p50 and p99 per URL class and
connection count, and each class's throughput as a share of the same-stack Fortunes page's (the unit of
the goals) measured just before it, and of the in-app floor page's, measured in the same run."""
import json
import sys

LABELS = {
    "fortunes": "0. Fortunes (same-stack anchor)",
    "search": "1. directory search, Chinese name fragment",
    "filter": "2. directory, region + minimum stars",
    "profile": "3. institution profile",
    "verify": "4. certificate verification",
    "api": "5. open-data JSON page",
    "regulator": "6. regulator's institution list (signed in)",
    "ratings": "6a. regulator's ratings register (signed in)",
    "audit": "6b. regulator's audit trail (signed in)",
    "qm-benchmark": "6a. quality measures: a district's benchmark (regulator)",
    "qm-feedback": "6b. quality measures: a clinic's feedback report",
    "qm-public": "6c. quality measures: public comparison of a district",
    "static": "7. static asset (ceiling)",
    "reference": "8. reference page, 12 rows (floor)",
}

rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
reference = {r["connections"]: r["rps"] for r in rows if r["class"] == "reference"}
# Fortunes is measured before every class: the class is reported against that adjacent run (the machine's
# speed drifts within a run); rows without one (older result files) against the mean of all Fortunes runs
runs = {}
for r in rows:
    if r["class"] == "fortunes":
        runs.setdefault(r["connections"], []).append(r["rps"])
fortunes = {c: sum(v) / len(v) for c, v in runs.items()}
print("| URL class | connections | distinct requests | req/s | p50 ms | p99 ms | errors | × Fortunes | × floor page |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in sorted((r for r in rows if r["class"] != "fortunes" or "before" not in r),
               key=lambda r: (r["connections"], list(LABELS).index(r["class"]))):
    ratio = r["rps"] / reference[r["connections"]] if reference.get(r["connections"]) else 0
    unit = r.get("anchor_rps") or fortunes.get(r["connections"])
    anchor = r["rps"] / unit if unit else 0
    print(f"| {LABELS[r['class']]} | {r['connections']} | {r['distinct']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | "
          f"{r['p99_ms']:.1f} | {r['errors']} | {anchor:.2f} | {ratio:.2f} |")
for c, v in sorted(runs.items()):
    print(f"\nFortunes at {c} connections: {min(v):.0f}–{max(v):.0f} req/s over the run ({len(v)} runs)")
