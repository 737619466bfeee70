#!/usr/bin/env python3
"""interview-pty.py CLI FILE PLUGIN TRANSCRIPT -- drives `werkbank-cli interview` on a
pseudo-terminal as a student would: waits for each prompt, types the next line. Lines
come from stdin. The whole session's output is written to TRANSCRIPT. Bounded: every
wait ends after 20 seconds."""
import os, pty, select, sys, time

cli, path, plugin, transcript = sys.argv[1:5]
lines = sys.stdin.read().splitlines()
pid, fd = pty.fork()
if pid == 0:
    os.execv(cli, [cli, "interview", path, plugin, "--by", "Kees Bakker"])
out = b""
def wait_for_prompt():
    global out
    deadline = time.time() + 20
    while time.time() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            out += chunk
            tail = out.rstrip(b" ")
            if tail.endswith(b">") or tail.endswith(b"):"):
                return True
    return False
for line in lines:
    if not wait_for_prompt():
        break
    os.write(fd, line.encode() + b"\n")
    time.sleep(0.05)
deadline = time.time() + 20
while time.time() < deadline:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
_, status = os.waitpid(pid, 0)
open(transcript, "wb").write(out)
sys.exit(os.waitstatus_to_exitcode(status))
