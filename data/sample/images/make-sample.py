#!/usr/bin/python3
"""Regenerates images.jsonl from the Tango icons in this folder (run with Debian's python3-pil).

Good records carry the PNGs inline (base64); the rest are the bad and duplicate cases the image
pipeline must route to the dead-letter and duplicate outputs (see images.expected.txt).
"""
import base64, io, json, os, struct, zlib

here = os.path.dirname(os.path.abspath(__file__))
icons = [
    ("places", "user-home", "a house"), ("places", "folder", "a folder"),
    ("places", "user-trash", "a waste basket"), ("places", "network-server", "a server"),
    ("devices", "computer", "a desktop computer"), ("devices", "printer", "a printer"),
    ("devices", "camera-photo", "a photo camera"), ("devices", "input-keyboard", "a keyboard"),
    ("emotes", "face-smile", "a smiling face"), ("emotes", "face-sad", "a sad face"),
    ("emotes", "face-surprise", "a surprised face"), ("emotes", "face-wink", "a winking face"),
]

def b64(data):
    return base64.b64encode(data).decode("ascii")

def png_header(width, height):
    ihdr = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + ihdr + struct.pack(">I", zlib.crc32(ihdr))

records, ts = [], 1_700_000_000_000
for label, name, caption in icons:
    data = open(os.path.join(here, name + ".png"), "rb").read()
    records.append({"id": name, "ts": ts, "label": label, "caption": caption,
                    "image": {"bytes": b64(data)}})
    ts += 1000
smile = open(os.path.join(here, "face-smile.png"), "rb").read()
from PIL import Image
again = io.BytesIO()
Image.open(io.BytesIO(smile)).save(again, "PNG", optimize=True, compress_level=9)
records += [
    {"id": "face-smile-reencoded", "ts": ts, "label": "emotes", "caption": "a smiling face again",
     "image": {"bytes": b64(again.getvalue())}},
    {"id": "bad-truncated", "ts": ts + 1, "image": {"bytes": b64(smile[: len(smile) // 2])}},
    {"id": "bad-empty", "ts": ts + 2, "image": {"bytes": ""}},
    {"id": "bad-random", "ts": ts + 3, "image": {"bytes": b64(bytes((i * 37 + 11) % 256 for i in range(512)))}},
    {"id": "bad-bomb", "ts": ts + 4, "image": {"bytes": b64(png_header(50000, 50000))}},
    {"id": "bad-magic", "ts": ts + 5, "image": {"bytes": b64(b"GIF" + smile[3:])}},
    {"id": "bad-no-image", "ts": ts + 6, "caption": "no image at all"},
    {"id": "bad-file-uri", "ts": ts + 7, "image": {"uri": "file:/etc/passwd"}},
]
with open(os.path.join(here, "images.jsonl"), "w") as out:
    for r in records:
        out.write(json.dumps(r, separators=(",", ":")) + "\n")
