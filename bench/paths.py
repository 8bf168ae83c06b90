#!/usr/bin/env python3
"""Builds the request lists of the benchmark from the portal's own open data: at least 1,000 distinct,
realistic requests per URL class (name fragments cut from real names, real region codes, ids and
certificate numbers), written one path per line to <out>/<class>.txt. The institutions are the best-ranked
and pages drawn from the whole register (unrated ones included); the certificates are current ones and
old ones from the ratings' history (expired, superseded)."""
import datetime
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
for page in range(10):
    institutions.extend(fetch(f"/api/public/institutions?size=100&page={page}&sort=stars")["content"])
registered = fetch("/api/public/institutions?size=1&sort=name")["page"]["totalElements"]
for page in random.sample(range(max(1, registered // 100)), min(20, max(1, registered // 100))):
    institutions.extend(fetch(f"/api/public/institutions?size=100&page={page}&sort=name")["content"])

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
certificates = {i["certificateNo"] for i in institutions if i.get("certificateNo")}
for i in random.sample(ids, min(800, len(ids))):
    for rating in fetch(f"/api/public/institutions/{i}").get("ratingHistory", []):
        certificates.add(rating["certificateNo"])
certificates = sorted(certificates)


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
# the regulator's register of ratings (Hangzhou's demo regulator): the whole city or one district, any or
# given stars and status, the first pages
hangzhou_districts = [""] + [d for d in districts if d.startswith("3301")]
write("ratings", [f"/regulator/ratings/all?region={d}&stars={s}&status={t}&page={p}"
                  for d in hangzhou_districts for s in ["", "3", "4", "5"]
                  for t in ["", "PUBLISHED", "EXPIRED", "SUSPENDED"] for p in range(5)])
# the regulator's audit trail (the data set's three years, two million entries; Hangzhou's is a quarter):
# its pages, by action, by a clinic's account, by month
actions = ["", "SELF_ASSESSMENT_SAVED", "INSPECTION_SCORED", "RATING_SUSPENDED", "COMPLAINT_ACKNOWLEDGED",
           "LOGIN_FAILED"]
hangzhou_ids = [i["id"] for i in institutions if i["regionCode"].startswith("3301")] or ids
months = [(today_year, m) for today_year in (datetime.date.today().year - 2, datetime.date.today().year - 1)
          for m in range(1, 13)]
write("audit", [f"/regulator/audit?action={a}&page={p}" for a in actions for p in range(20)]
      + [f"/regulator/audit?actor=clinic-{i}" for i in random.sample(hangzhou_ids, min(600, len(hangzhou_ids)))]
      + [f"/regulator/audit?from={y}-{m:02d}-01&to={y}-{m:02d}-28&page={p}" for y, m in months for p in range(10)]
      + [f"/regulator/audit?actor=regulator-3301&page={p}" for p in range(40)])
# quality measures (issue 22): the last twelve ended quarters, the quarterly measures of the example set
today = datetime.date.today()
quarter = (today.month - 1) // 3 + 1
year = today.year
quarters = []
for _ in range(12):
    quarter -= 1
    if quarter == 0:
        quarter, year = 4, year - 1
    quarters.append(f"{year}-Q{quarter}")
measures = [f"QC-{n:02d}" for n in range(1, 23) if n not in (17, 19)]
hangzhou = [d for d in districts if d.startswith("3301")] or districts[:10]
write("qm-benchmark", [f"/regulator/quality-measures/benchmarks?period={p}&measure={m}&region={d}"
                       for p in quarters for m in measures for d in hangzhou][:3000])
write("qm-feedback", [f"/clinic/quality-measures/feedback?period={p}" for p in quarters])
# the public sees only the published measures (QC-09, QC-20 and QC-22 are for the centre alone)
disclosed = [m for m in measures if m not in ("QC-09", "QC-20", "QC-22")]
write("qm-public", [f"/quality-measures?region={d}&measure={m}&period={p}"
                    for d in random.sample(districts, min(60, len(districts))) for m in disclosed for p in quarters[:2]])
write("static", ["/css/meizhi.css"])
write("reference", ["/reference"])
