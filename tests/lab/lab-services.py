#!/usr/bin/env python3
"""lab-services.py HOST_JSON READY_FILE — the services of one lab host (stdlib only).

Runs inside the host's network namespace (lab.sh starts it). Kinds:
  http    an HTTP server answering every request with the given Server header and a
          login page with the given <title>
  banner  sends the banner on connect (Telnet, SSH), then waits for the client to close
  ftp     a tiny FTP responder: the banner; USER anonymous + any PASS logs in, other
          users are refused ("anonymous only")
  silent  accepts and says nothing (RDP, SMB, RPC presence)
  snmp    UDP: answers an SNMP v1/v2c GetRequest for sysDescr.0 with community
          "public" only; other communities get no answer (as real agents do)
Writes READY_FILE once every socket is bound.
"""
import json
import socket
import socketserver
import sys
import threading

HOST = json.loads(sys.argv[1])
READY = sys.argv[2]
TIMEOUT = 10


class Handler(socketserver.BaseRequestHandler):
    spec = None

    def handle(self):
        s = self.request
        s.settimeout(TIMEOUT)
        kind = self.spec["kind"]
        try:
            if kind == "http":
                self.http(s)
            elif kind == "banner":
                s.sendall(self.spec["banner"].encode())
                while s.recv(1024):
                    pass
            elif kind == "ftp":
                self.ftp(s)
            else:
                while s.recv(1024):
                    pass
        except OSError:
            pass

    def http(self, s):
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 16384:
            chunk = s.recv(4096)
            if not chunk:
                return
            data += chunk
        body = ("<!DOCTYPE html><html><head><title>%s</title></head><body>"
                "<form method=\"post\" action=\"/login\">Gebruiker <input name=\"user\">"
                " Wachtwoord <input type=\"password\" name=\"pass\"></form></body></html>"
                % self.spec["title"]).encode()
        head = ("HTTP/1.1 200 OK\r\nServer: %s\r\nContent-Type: text/html\r\n"
                "Content-Length: %d\r\nConnection: close\r\n\r\n"
                % (self.spec["server"], len(body))).encode()
        s.sendall(head + (b"" if data.startswith(b"HEAD") else body))

    def ftp(self, s):
        s.sendall((self.spec["banner"] + "\r\n").encode())
        f = s.makefile("rb")
        user = None
        for _ in range(50):
            line = f.readline(512)
            if not line:
                return
            cmd, _, arg = line.decode("latin-1").strip().partition(" ")
            cmd = cmd.upper()
            if cmd == "USER":
                user = arg
                if arg.lower() in ("anonymous", "ftp"):
                    reply = "331 Please specify the password."
                else:
                    reply = "530 This FTP server is anonymous only."
            elif cmd == "PASS":
                if user and user.lower() in ("anonymous", "ftp"):
                    reply = "230 Login successful."
                else:
                    reply = "530 Login incorrect."
            elif cmd == "SYST":
                reply = "215 UNIX Type: L8"
            elif cmd == "PWD":
                reply = '257 "/" is the current directory'
            elif cmd == "QUIT":
                s.sendall(b"221 Goodbye.\r\n")
                return
            else:
                reply = "502 Command not implemented."
            s.sendall((reply + "\r\n").encode())


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


# ---- SNMP (just enough BER) -------------------------------------------------------

def ber_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def tlv(tag, value):
    return bytes([tag]) + ber_len(len(value)) + value


def read_tlv(d, pos):
    tag = d[pos]
    n = d[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7f
        if k == 0 or k > 2:
            raise ValueError
        n = int.from_bytes(d[pos:pos + k], "big")
        pos += k
    if pos + n > len(d):
        raise ValueError
    return tag, d[pos:pos + n], pos + n


SYSDESCR_OID = bytes([0x2b, 6, 1, 2, 1, 1, 1, 0])


def snmp_answer(d, spec):
    tag, msg, _ = read_tlv(d, 0)
    if tag != 0x30:
        return None
    t, version, p = read_tlv(msg, 0)
    t2, community, p = read_tlv(msg, p)
    t3, pdu, _ = read_tlv(msg, p)
    if t != 2 or version not in (b"\x00", b"\x01") or t2 != 4 or t3 != 0xa0:
        return None
    if community != spec["community"].encode():
        return None
    _, reqid, q = read_tlv(pdu, 0)
    _, _, q = read_tlv(pdu, q)
    _, _, q = read_tlv(pdu, q)
    _, vbl, _ = read_tlv(pdu, q)
    _, vb, _ = read_tlv(vbl, 0)
    _, oid, _ = read_tlv(vb, 0)
    if oid == SYSDESCR_OID:
        status, value = b"\x00", tlv(0x04, spec["sysdescr"].encode())
    elif version == b"\x01":
        status, value = b"\x00", b"\x80\x00"          # noSuchObject
    else:
        status, value = b"\x02", b"\x05\x00"          # noSuchName
    varbind = tlv(0x30, tlv(0x30, tlv(0x06, oid) + value))
    pdu = tlv(0xa2, tlv(0x02, reqid) + tlv(0x02, status) +
              tlv(0x02, b"\x01" if status != b"\x00" else b"\x00") + varbind)
    return tlv(0x30, tlv(0x02, version) + tlv(0x04, community) + pdu)


def serve_snmp(sock, spec):
    while True:
        data, peer = sock.recvfrom(2048)
        try:
            answer = snmp_answer(data, spec)
        except (ValueError, IndexError):
            answer = None
        if answer:
            sock.sendto(answer, peer)


def main():
    threads = []
    for spec in HOST.get("tcp", []):
        handler = type("H%d" % spec["port"], (Handler,), {"spec": spec})
        srv = Server(("0.0.0.0", spec["port"]), handler)
        threads.append(threading.Thread(target=srv.serve_forever, daemon=True))
    for spec in HOST.get("udp", []):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind(("0.0.0.0", spec["port"]))
        threads.append(threading.Thread(target=serve_snmp, args=(sock, spec), daemon=True))
    for t in threads:
        t.start()
    with open(READY, "w") as f:
        f.write("ready\n")
    threading.Event().wait()


if __name__ == "__main__":
    main()
