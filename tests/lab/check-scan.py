#!/usr/bin/env python3
"""check-scan.py EXPECT.json EVENTS.jsonl [--udp] [--ports N] — compares a probe scan with
the lab's ground truth (lab-truth.py expect). Prints each difference as a TAP comment and
exits 1 if there is any: the live hosts and the open TCP ports must be exactly the ground
truth's; with --udp the UDP services too; with --ports N every host-summary must account
for N ports with none filtered (every lab host answers every port)."""
import json
import sys

expect = json.load(open(sys.argv[1]))
args = sys.argv[3:]
events = []
for line in open(sys.argv[2]):
    events.append(json.loads(line))   # every line must be valid JSON

problems = []
if not events or events[0].get("event") != "start":
    problems.append("the first event is not 'start'")
if not events or events[-1].get("event") != "done":
    problems.append("the last event is not 'done'")
up = sorted({e["address"] for e in events if e["event"] == "host"},
            key=lambda a: tuple(int(x) for x in a.split(".")))
if up != expect["hosts"]:
    problems.append("hosts up %s, ground truth %s" % (up, expect["hosts"]))
open_ports = {}
for e in events:
    if e["event"] == "port" and e["state"] == "open":
        open_ports.setdefault(e["address"], []).append(e["port"])
for a in set(open_ports) | set(expect["tcp"]):
    got = sorted(open_ports.get(a, []))
    want = expect["tcp"].get(a, [])
    if got != want:
        problems.append("%s: open ports %s, ground truth %s" % (a, got, want))
if "--udp" in args:
    udp = {}
    for e in events:
        if e["event"] == "udp":
            udp.setdefault(e["address"], []).append(e["service"])
    for a in set(udp) | set(expect["udp"]):
        if sorted(udp.get(a, [])) != expect["udp"].get(a, []):
            problems.append("%s: UDP %s, ground truth %s" % (a, udp.get(a), expect["udp"].get(a)))
if "--ports" in args:
    n = int(args[args.index("--ports") + 1])
    summaries = {e["address"]: e for e in events if e["event"] == "host-summary"}
    if sorted(summaries) != sorted(expect["hosts"]):
        problems.append("host-summary for %s" % sorted(summaries))
    for a, s in summaries.items():
        if s["open"] + s["closed"] + s["filtered"] != n or s["filtered"] != 0:
            problems.append("%s: summary %s" % (a, s))
for p in problems:
    print("# " + p)
sys.exit(1 if problems else 0)
