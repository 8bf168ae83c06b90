#!/usr/bin/env python3
"""Writes an institution import file (the portal's CSV template) with N new, valid institutions in the
districts of Hangzhou (the demo regulator's jurisdiction): unique valid credit codes and licence numbers.
    bench/import-file.py N out.csv [seed]"""
import csv
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
random.seed(int(sys.argv[3]) if len(sys.argv) > 3 else 8)
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
DISTRICTS = "330102 330105 330106 330108 330109 330110 330111 330112 330113 330114 330122 330127 330182".split()
BRANDS = "悦颜 臻颜 雅韵 素妍 铂悦 初见 容悦 明珠 星颜 知美 禾悦 若水 观澜 清禾 丹青 檀香 晨曦 秋水".split()
KINDS = [("医疗美容诊所", "医疗美容诊所", "美容皮肤科"), ("医疗美容门诊部", "医疗美容门诊部", "美容外科、美容皮肤科"),
         ("医疗美容医院", "美容医院", "美容外科、美容皮肤科、麻醉科")]
STREETS = "人民路 解放路 中山路 建设路 新华路 文化路 和平路 延安路 庆春路 文三路".split()


def credit_code(district, serial):
    body = "52" + district + "".join(random.choice(ALPHABET) for _ in range(9))
    check = (31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31) % 31
    return body + ALPHABET[check]


codes = set()
with open(out, "w", encoding="utf-8", newline="") as file:
    writer = csv.writer(file)
    writer.writerow(["机构名称", "统一社会信用代码", "执业许可证登记号", "机构类型", "医院等级", "行政区划代码", "地址",
                     "法定代表人", "诊疗科目", "最高手术级别", "床位数", "手术室数", "美容主诊医师数", "联系电话", "网站", "其他认证"])
    for i in range(n):
        district = random.choice(DISTRICTS)
        code = credit_code(district, i)
        while code in codes:
            code = credit_code(district, i)
        codes.add(code)
        suffix, label, departments = random.choice(KINDS)
        street = random.choice(STREETS)
        writer.writerow([f"杭州{random.choice(BRANDS)}{i}号{suffix}", code, f"PDY{i:08d}{district}", label,
                         "一级" if label == "美容医院" else "", district, f"杭州市{street}{random.randint(1, 999)}号",
                         "王" + random.choice("建华 丽娟 志强 海燕".split()), departments, 3 if label == "美容医院" else 1,
                         20 if label == "美容医院" else 0, 2 if label == "美容医院" else 0, 2, "0571-88888888", "", ""])
