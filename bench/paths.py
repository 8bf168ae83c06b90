#!/usr/bin/env python3
"""Builds the request lists of the benchmark from the portal's own open data: at least 1,000 distinct,
realistic requests per URL class (name fragments cut from real names, real region codes, ids and
certificate numbers), written one path per line to <out>/<class>.txt."""
import json
import random
import sys
import urllib.parse
import urllib.request

base, out = sys.argv[1], sys.argv[2]
random.seed(2026)


def fetch(path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


institutions = []
for sort in ("stars", "name"):
    for page in range(15):
        data = fetch(f"/api/public/institutions?size=100&page={page}&sort={sort}")
        institutions.extend(data["content"])

fragments = set()
names = [i["name"] for i in institutions]
while len(fragments) < 1200:
    name = random.choice(names)
    length = random.choice((2, 2, 3, 4))
    start = random.randrange(0, max(1, len(name) - length))
    fragment = name[start:start + length]
    if "（" not in fragment and "）" not in fragment:
        fragments.add(fragment)
fragments = sorted(fragments)

districts = sorted({i["regionCode"] for i in institutions})
regions = sorted(set(districts) | {d[:4] + "00" for d in districts})
ids = sorted({i["id"] for i in institutions})
certificates = sorted({i["certificateNo"] for i in institutions if i.get("certificateNo")})


def write(name, paths):
    paths = list(paths)
    random.shuffle(paths)
    with open(f"{out}/{name}.txt", "w", encoding="utf-8") as file:
        file.write("\n".join(paths) + "\n")
    print(f"{name}: {len(paths)} distinct requests")


q = lambda text: urllib.parse.quote(text)
write("search", [f"/institutions?q={q(f)}" for f in fragments])
write("filter", [f"/institutions?region={r}&minStars={s}&page={p}" for r in regions for s in range(1, 6) for p in range(4)])
write("profile", [f"/institutions/{i}" for i in ids])
write("verify", [f"/verify/{c}" for c in certificates])
write("api", [f"/api/public/institutions?q={q(f)}&size=20" for f in fragments])
write("regulator", [f"/regulator/institutions?q={q(f)}" for f in fragments])
write("static", ["/css/meizhi.css"])
write("reference", ["/reference"])
