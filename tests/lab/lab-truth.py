#!/usr/bin/env python3
"""lab-truth.py — reads tests/lab/ground-truth.json for lab.sh, the services and the tests.

  lab-truth.py FILE plan [bench]     lines for lab.sh: "host NAME SEGMENT ADDRESS" and
                                     "router NAME LAN_ADDR DMZ_ADDR", "scanner ...",
                                     "segment NAME NETWORK GATEWAY"
  lab-truth.py FILE expect [bench]   JSON: {"hosts": [...], "tcp": {addr: [ports]},
                                     "udp": {addr: [services]}, "scope": [...]}
  lab-truth.py FILE host NAME [bench] JSON of one host (for lab-services.py)
"""
import ipaddress
import json
import sys


def hosts(truth, bench):
    out = list(truth["hosts"])
    if bench:
        b = truth["bench_hosts"]
        first = ipaddress.IPv4Address(b["first"])
        for i in range(b["count"]):
            out.append({"name": "b%02d" % i, "segment": b["segment"],
                        "address": str(first + i), "tcp": b["tcp"], "udp": b["udp"]})
    return out


def main():
    truth = json.load(open(sys.argv[1]))
    cmd = sys.argv[2]
    bench = "bench" in sys.argv[3:]
    hs = hosts(truth, bench)
    for h in hs:
        for a in [h.get("address")] + list(h.get("addresses", {}).values()):
            if a and not ipaddress.IPv4Address(a) in ipaddress.IPv4Network("198.18.0.0/15"):
                sys.exit("lab-truth: %s is outside 198.18.0.0/15" % a)
    if cmd == "plan":
        for name, seg in truth["segments"].items():
            print("segment", name, seg["network"], seg["gateway"])
        s = truth["scanner"]
        print("scanner", s["segment"], s["address"])
        for h in hs:
            if h.get("router"):
                print("router", h["name"], h["addresses"]["lan"], h["addresses"]["dmz"])
            else:
                print("host", h["name"], h["segment"], h["address"])
    elif cmd == "expect":
        up, tcp, udp = [], {}, {}
        for h in hs:
            addrs = list(h["addresses"].values()) if h.get("router") else [h["address"]]
            for a in addrs:
                up.append(a)
                tcp[a] = sorted(p["port"] for p in h["tcp"])
                udp[a] = sorted(p["service"] for p in h["udp"])
        print(json.dumps({"hosts": sorted(up, key=ipaddress.IPv4Address), "tcp": tcp,
                          "udp": udp,
                          "scope": [s["network"] for s in truth["segments"].values()],
                          "scanner": truth["scanner"]["address"],
                          "empty": truth["empty"]}))
    elif cmd == "host":
        for h in hs:
            if h["name"] == sys.argv[3]:
                print(json.dumps(h))
                return
        sys.exit("lab-truth: no host " + sys.argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
