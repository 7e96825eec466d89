#!/usr/bin/env python3
"""Draws the skill's store icons (108x108 and 512x512 PNG) into skill-package/assets/images/.

Run once; the PNGs are checked in. Pure standard library (no imaging package), and deterministic: the same
bytes every run, so a rerun shows no diff unless the drawing changed. The design is a white map pin on a
teal disc, drawn with 4x4 supersampling so the edges are smooth.
"""
import os
import struct
import zlib

TEAL = (0, 128, 128)
WHITE = (255, 255, 255)
BACKGROUND = (255, 255, 255, 0)


def colour_at(x, y):
    """The colour at (x, y) in a unit square, or None outside the disc."""
    cx, cy = x - 0.5, y - 0.5
    if cx * cx + cy * cy > 0.48 * 0.48:
        return None
    # The pin: a circle with a point below it, and a teal hole in the middle.
    px, py = x - 0.5, y - 0.42
    head = px * px + py * py <= 0.2 * 0.2
    hole = px * px + py * py <= 0.08 * 0.08
    # The point: a triangle from the head's sides down to (0.5, 0.82).
    depth = (y - 0.45) / (0.82 - 0.45)
    point = 0 <= depth <= 1 and abs(x - 0.5) <= 0.17 * (1 - depth)
    return TEAL if hole or not (head or point) else WHITE


def draw(size, samples=4):
    rows = []
    for row in range(size):
        line = bytearray([0])  # filter type 0 per scanline
        for column in range(size):
            r = g = b = a = 0
            for sy in range(samples):
                for sx in range(samples):
                    colour = colour_at((column + (sx + 0.5) / samples) / size, (row + (sy + 0.5) / samples) / size)
                    if colour is not None:
                        r, g, b, a = r + colour[0], g + colour[1], b + colour[2], a + 255
            n = samples * samples
            covered = a // 255
            line += bytes([r // covered, g // covered, b // covered, a // n] if covered else BACKGROUND)
        rows.append(bytes(line))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "skill-package", "assets", "images")
    os.makedirs(folder, exist_ok=True)
    for size, name in ((108, "ride-hailer-108.png"), (512, "ride-hailer-512.png")):
        with open(os.path.join(folder, name), "wb") as file:
            file.write(draw(size))
