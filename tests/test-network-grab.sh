#!/usr/bin/env bash
# test-network-grab.sh — the network plugin's banner reading against real sockets: TLS
# servers (old TLS 1.0, self-signed and authority-signed certificates), VNC without a
# password, and hostile
# services (one byte every half second, a flood of binary rubbish, silence), all inside a
# network namespace this test creates and removes (loopback only: nothing leaves it).
# Usage: test-network-grab.sh NETWORK-GRAB-TOOL WERKBANK-TLS-CHECK. Prints TAP; skips
# without root/openssl.
set -u
tool=$(realpath "$1")
tls_check=$(realpath "$2")
if [ "$(id -u)" != 0 ]; then echo "1..0 # SKIP needs root (a network namespace)"; exit 0; fi
if ! ip netns list >/dev/null 2>&1; then echo "1..0 # SKIP 'ip netns' is not available"; exit 0; fi
for p in openssl python3; do
  command -v $p >/dev/null || { echo "1..0 # SKIP $p is missing"; exit 0; }
done

ns="wng$(( $$ % 100000 ))"
work=$(mktemp -d "${TMPDIR:-/tmp}/wb-grab-XXXXXX")
cleanup () {
  # Our servers, by the ids we started them with, and anything else left in our namespace.
  kill $(jobs -p) 2>/dev/null
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
ip netns add "$ns" && ip -n "$ns" link set lo up || { echo "Bail out! cannot make a namespace"; exit 1; }
cd "$work"
inns () { ip netns exec "$ns" "$@"; }

n=0
failed=0
result () { n=$((n + 1)); if [ "$2" = 0 ]; then echo "ok $n - $1"; else failed=$((failed + 1)); echo "not ok $n - $1"; sed 's/^/# /' out.json; fi; }
# grab PORT: the tool's JSON in out.json (bounded by timeout in case it hangs)
grab () { inns timeout 60 "$tool" 127.0.0.1 "$1" "$tls_check" > out.json 2>&1; }
# expect PYTHON-CONDITION on the JSON object r
expect () { python3 -c "import json,sys; r=json.load(open('out.json')); sys.exit(0 if ($1) else 1)" 2>/dev/null; }
wait_port () { for _ in $(seq 100); do inns python3 -c "import socket,sys; socket.create_connection(('127.0.0.1',$1),0.2)" 2>/dev/null && return 0; sleep 0.05; done; return 1; }

# Certificates: a self-signed one, and one signed by a small authority.
openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key -out self.pem -subj "/CN=nas.lab" -days 30 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj "/CN=Lab CA" -days 30 2>/dev/null
openssl req -newkey rsa:2048 -nodes -keyout web.key -out web.csr -subj "/CN=web.lab" 2>/dev/null
openssl x509 -req -in web.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out web.pem -days 30 2>/dev/null

inns openssl s_server -quiet -accept 443 -cert self.pem -key self.key -www -tls1 -cipher 'DEFAULT:@SECLEVEL=0' >/dev/null 2>&1 &
inns openssl s_server -quiet -accept 8443 -cert web.pem -key web.key -www >/dev/null 2>&1 &
# Modern by default, but still willing to speak TLS 1.0/1.1 when asked.
inns openssl s_server -quiet -accept 993 -cert web.pem -key web.key -min_protocol TLSv1 \
  -cipher 'DEFAULT:@SECLEVEL=0' >/dev/null 2>&1 &
# Hostile services on ports the grabber treats as SSH (22), HTTP (80) and FTP (21).
cat > hostile.py <<'PY'
import os, socket, sys, threading, time
def serve(port, handler):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port)); s.listen(4)
    def loop():
        while True:
            c, _ = s.accept()
            threading.Thread(target=handler, args=(c,), daemon=True).start()
    threading.Thread(target=loop, daemon=True).start()
def slow(c):           # slowloris: one byte every half second, never a line end
    try:
        for _ in range(120):
            c.send(b"S"); time.sleep(0.5)
    except OSError: pass
def flood(c):          # megabytes of binary rubbish after an HTTP status line
    try:
        c.recv(4096)
        c.send(b"HTTP/1.1 200 OK\r\nServer: \xff\xfe\x1b[31m" + os.urandom(1 << 20))
        for _ in range(10): c.send(os.urandom(1 << 20))
    except OSError: pass
def silent(c):         # accepts and says nothing
    time.sleep(60)
def vnc(c):            # a VNC server that lets anyone in (security type 1, "None")
    try:
        c.send(b"RFB 003.008\n"); c.recv(12); c.send(bytes([1, 1])); time.sleep(2)
    except OSError: pass
serve(22, slow); serve(80, flood); serve(21, silent); serve(5900, vnc)
time.sleep(120)
PY
inns python3 hostile.py &
for p in 443 8443 993 22 80 21 5900; do wait_port $p || { echo "Bail out! service on $p did not start"; exit 1; }; done

grab 443
result "TLS 1.0 is seen as such" $(expect 'r["tls"]["version"] == "TLS 1.0"'; echo $?)
result "a self-signed certificate is recognised" $(expect 'r["tls"]["self_signed"] and r["tls"]["subject"] == "CN=nas.lab" and not r["tls"]["expired"]'; echo $?)
result "the page behind TLS is read" $(expect 'r["http"]["status"] == 200'; echo $?)
grab 8443
result "a modern server negotiates TLS 1.2 or 1.3" $(expect 'r["tls"]["version"] in ("TLS 1.2", "TLS 1.3")'; echo $?)
result "a certificate from an authority is not called self-signed" $(expect 'not r["tls"]["self_signed"] and r["tls"]["issuer"] == "CN=Lab CA"'; echo $?)
result "a server that only speaks new TLS is not said to offer old TLS" $(expect '"old_offered" not in r["tls"]'; echo $?)
grab 993
result "a modern server that still accepts TLS 1.0/1.1 is caught" $(expect 'r["tls"]["version"] in ("TLS 1.2", "TLS 1.3") and r["tls"]["old_offered"] in ("TLS 1.0", "TLS 1.1")'; echo $?)
grab 5900
result "a VNC server without a password is recognised" $(expect 'r["service"] == "vnc" and r["version"] == "003.008" and r["vnc"]["no_auth"] is True'; echo $?)
grab 22
result "one byte every half second: given up at the deadline" $(expect 'r["elapsed_ms"] < 10000'; echo $?)
grab 80
result "a binary flood: read bounded, text kept printable and short" $(expect 'r["elapsed_ms"] < 10000 and r["http"]["status"] == 200 and len(r["http"]["server"]) <= 201'; echo $?)
grab 21
result "a silent service: given up after the read timeout, nothing invented" $(expect 'r["elapsed_ms"] < 10000 and "product" not in r and "ftp_anonymous" not in r'; echo $?)

echo "1..$n"
[ "$failed" = 0 ]
