#!/usr/bin/env python3
"""fh-lab-servers.py — throwaway servers for the friendly-hack lab test.

  fh-lab-servers.py dns ADDRESS            authoritative UDP DNS for proefkeuken.test
  fh-lab-servers.py web ADDRESS PORT MODE CERT KEY   MODE: good | bad | tls10 | plain

Only the Python standard library. Every server stops by itself after 120 seconds, so a
failed test cannot leave one behind.
"""
import http.server
import socketserver
import socket
import ssl
import struct
import sys
import threading

LIFETIME = 120
WEB = "198.18.1.10"
ZONE = {
    ("www.proefkeuken.test", 1): [("A", WEB)],
    ("proefkeuken.test", 15): [("MX", (10, "mail.proefkeuken.test"))],
    ("proefkeuken.test", 16): [("TXT", "v=spf1 mx -all"), ("TXT", "site-verification=lab")],
    ("_dmarc.proefkeuken.test", 16): [("TXT", "v=DMARC1; p=quarantine; rua=mailto:d@proefkeuken.test")],
    ("mail2026._domainkey.proefkeuken.test", 16): [("TXT", "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A")],
}
SILENT = ("_mta-sts.proefkeuken.test",)  # never answered: the client must time out


def encode_name(name):
    return b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"


def rdata(kind, value):
    if kind == "A":
        return socket.inet_aton(value)
    if kind == "MX":
        return struct.pack("!H", value[0]) + encode_name(value[1])
    data = value.encode()
    return bytes([len(data)]) + data


def answer(query):
    if len(query) < 12:
        return None
    qid, flags, qd = struct.unpack("!HHH", query[:6])
    if qd != 1:
        return None
    labels, i = [], 12
    while i < len(query) and query[i] != 0:
        n = query[i]
        labels.append(query[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += n + 1
    qtype, qclass = struct.unpack("!HH", query[i + 1:i + 5])
    name = ".".join(labels).lower()
    if name in SILENT:
        return None
    question = query[12:i + 5]
    records = ZONE.get((name, qtype), [])
    known = any(n == name for (n, _t) in ZONE) or name in SILENT
    rcode = 0 if records or known else 3
    header = struct.pack("!HHHHHH", qid, 0x8400 | rcode, 1, len(records), 0, 0)
    body = b""
    for kind, value in records:
        data = rdata(kind, value)
        body += b"\xc0\x0c" + struct.pack("!HHIH", qtype, 1, 60, len(data)) + data
    return header + question + body


def serve_dns(address):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((address, 53))
    sock.settimeout(1.0)
    for _ in range(LIFETIME):
        try:
            query, peer = sock.recvfrom(512)
        except socket.timeout:
            continue
        reply = answer(query)
        if reply:
            sock.sendto(reply, peer)


class Handler(http.server.BaseHTTPRequestHandler):
    mode = "good"

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.mode == "plain":
            return self.send(301, b"", [("Location", "https://www.proefkeuken.test:8443/")])
        if self.mode == "mixed":
            self.mode = "good"
        good = [("Strict-Transport-Security", "max-age=31536000"),
                ("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"),
                ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                ("Set-Cookie", "s=1; Path=/; Secure; HttpOnly; SameSite=Lax")]
        if self.path == "/":
            return self.send(200, b"<h1>Bakkerij</h1>",
                             good if self.mode == "good" else [("Set-Cookie", "s=1; Path=/")])
        if self.path == "/.well-known/security.txt" and self.mode == "good":
            return self.send(200, b"Contact: mailto:security@proefkeuken.test\n"
                                  b"Expires: 2030-01-01T00:00:00Z\n")
        if self.path == "/wp-login.php" and self.mode != "good":
            return self.send(200, b"<form><input type=\"password\" name=\"pwd\"></form>")
        if self.path == "/uploads/" and self.mode != "good":
            return self.send(200, b"<title>Index of /uploads</title>")
        return self.send(404, b"not found")


def serve_web(address, port, mode, cert, key):
    Handler.mode = mode
    server = socketserver.ThreadingTCPServer((address, port), Handler)
    server.daemon_threads = True
    if mode != "plain":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        if mode == "good":
            context.minimum_version = ssl.TLSVersion.TLSv1_3
        elif mode == "mixed":
            # TLS 1.3 for a modern client, and still TLS 1.0 for an old one.
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
            context.minimum_version = ssl.TLSVersion.TLSv1
        elif mode == "tls10":
            # TLS 1.0 only, where this OpenSSL still allows it.
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
            context.minimum_version = ssl.TLSVersion.TLSv1
            context.maximum_version = ssl.TLSVersion.TLSv1
        else:
            context.maximum_version = ssl.TLSVersion.TLSv1_2
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Timer(LIFETIME, server.shutdown).start()
    server.serve_forever()


if __name__ == "__main__":
    if sys.argv[1] == "dns":
        serve_dns(sys.argv[2])
    else:
        serve_web(sys.argv[2], int(sys.argv[3]), sys.argv[4],
                  sys.argv[5] if len(sys.argv) > 5 else None,
                  sys.argv[6] if len(sys.argv) > 6 else None)
