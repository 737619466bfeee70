#!/usr/bin/env python3
# check-png.py FILE: exits 0 for a PNG whose pixels are not all the same colour and that
# is at least 200x200. Standard library only (zlib), undoing the PNG row filters.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import struct, sys, zlib

data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("# not a PNG file")
pos, idat, ihdr = 8, b"", None
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        ihdr = struct.unpack(">IIBBBBB", body)
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
width, height, depth, ctype, _, _, interlace = ihdr
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(ctype)
if channels is None or depth not in (8, 16) or interlace:
    sys.exit("# unexpected PNG layout: colour type %d, depth %d" % (ctype, depth))
bpp = channels * depth // 8
stride = width * bpp
raw = zlib.decompress(idat)
prev = bytearray(stride)
colours = set()
for y in range(height):
    f = raw[y * (stride + 1)]
    line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b = prev[i]
        c = prev[i - bpp] if i >= bpp else 0
        if f == 1:
            line[i] = (line[i] + a) & 255
        elif f == 2:
            line[i] = (line[i] + b) & 255
        elif f == 3:
            line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            line[i] = (line[i] + pred) & 255
    if len(colours) < 64:
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + bpp]))
    prev = line
print("# %dx%d, %s distinct colours" % (width, height,
                                        "64 or more" if len(colours) >= 64 else len(colours)))
if width < 200 or height < 200:
    sys.exit("# screenshot is too small")
if len(colours) < 2:
    sys.exit("# screenshot is blank")
