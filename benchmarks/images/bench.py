#!/usr/bin/python3
"""The image pipeline's steps and augmentation operators in OpenCV and PIL, single-threaded.

Prints '<lib> <step> <images per CPU-second> <images per wall-clock second>' lines like
ImageThroughput does (process CPU time, so the figures depend less on the shared machine's load). Run by run.sh under Debian's
python3 (python3-opencv, python3-pil, python3-numpy).
Usage: bench.py <image folder> [step ...] (only those steps; run.sh runs one step per process,
right after the same step in Java). Warm-up: at least 1.5 s and 50 images, as in ImageThroughput.
"""
import io, os, sys, time
import numpy as np
import cv2
from PIL import Image

cv2.setNumThreads(1)
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)
SIZE = 224
ONLY = set(sys.argv[2:])
files = [open(os.path.join(sys.argv[1], f), "rb").read()
         for f in sorted(os.listdir(sys.argv[1])) if f.endswith((".jpg", ".png"))]


def report(lib, name, step, n):
    if ONLY and name not in ONLY:
        return
    warm_up_end, i = time.perf_counter() + 1.5, 0
    while i < max(n, 50) or time.perf_counter() < warm_up_end:
        step(i % n)
        i += 1
    start, cpu_start, count = time.perf_counter(), time.process_time(), 0
    while time.perf_counter() - start < 3.0:
        step(count % n)
        count += 1
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - start
    print(f"{lib} {name} {count / cpu:.1f} {count / wall:.1f}", flush=True)


def cv_crop(img):
    h, w = img.shape[:2]
    s = SIZE / min(h, w)
    img = cv2.resize(img, (max(SIZE, round(w * s)), max(SIZE, round(h * s))), interpolation=cv2.INTER_AREA)
    h, w = img.shape[:2]
    y, x = (h - SIZE) // 2, (w - SIZE) // 2
    return img[y:y + SIZE, x:x + SIZE]


def cv_decode(data):
    img = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    return cv2.cvtColor(img, cv2.COLOR_BGR2RGB)


def cv_pipeline(i):
    crop = cv2.flip(cv_crop(cv_decode(files[i])), 1)
    tensor = ((crop.astype(np.float32) / 255.0 - MEAN) / STD).transpose(2, 0, 1).copy()
    ok, png = cv2.imencode(".png", cv2.cvtColor(crop, cv2.COLOR_RGB2BGR))
    return tensor, png


def pil_pipeline(i):
    img = Image.open(io.BytesIO(files[i])).convert("RGB")
    w, h = img.size
    s = SIZE / min(w, h)
    img = img.resize((max(SIZE, round(w * s)), max(SIZE, round(h * s))), Image.BILINEAR)
    w, h = img.size
    x, y = (w - SIZE) // 2, (h - SIZE) // 2
    crop = img.crop((x, y, x + SIZE, y + SIZE)).transpose(Image.FLIP_LEFT_RIGHT)
    tensor = ((np.asarray(crop, np.float32) / 255.0 - MEAN) / STD).transpose(2, 0, 1).copy()
    out = io.BytesIO()
    crop.save(out, "PNG")
    return tensor, out


n = len(files)
report("opencv", "pipeline", cv_pipeline, n)
report("pil", "pipeline", pil_pipeline, n)
report("opencv", "decode", lambda i: cv_decode(files[i]), n)
report("pil", "decode", lambda i: Image.open(io.BytesIO(files[i])).convert("RGB"), n)

crops = [cv_crop(cv_decode(f)) for f in files]
rng = np.random.default_rng(1)
centre = ((SIZE - 1) / 2, (SIZE - 1) / 2)
rot = cv2.getRotationMatrix2D(centre, 15, 1.0)
zoom = cv2.getRotationMatrix2D(centre, 0, 0.8)


def jitter(img):
    img = cv2.convertScaleAbs(img, alpha=1.2, beta=0)
    grey_mean = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY).mean()
    img = cv2.addWeighted(img, 0.8, np.full_like(img, int(grey_mean)), 0.2, 0)
    grey = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    img = cv2.addWeighted(img, 1.2, grey, -0.2, 0)
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV)
    hsv[..., 0] = (hsv[..., 0].astype(np.int16) + 9) % 180
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB)


ops = {
    "copy": lambda img: img.copy(),
    "hflip": lambda img: cv2.flip(img, 1),
    "vflip": lambda img: cv2.flip(img, 0),
    "rotate": lambda img: cv2.warpAffine(img, rot, (SIZE, SIZE), flags=cv2.INTER_LINEAR,
                                         borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)),
    "resized_crop": lambda img: cv2.resize(img[30:190, 20:170], (SIZE, SIZE), interpolation=cv2.INTER_LINEAR),
    "scale": lambda img: cv2.warpAffine(img, zoom, (SIZE, SIZE), flags=cv2.INTER_LINEAR,
                                        borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)),
    "colour_jitter": jitter,
    "gaussian_noise": lambda img: np.clip(img + rng.normal(0, 10, img.shape), 0, 255).astype(np.uint8),
    "gaussian_blur": lambda img: cv2.GaussianBlur(img, (0, 0), 1.5),
}
for name, op in ops.items():
    report("opencv", name, lambda i, op=op: op(crops[i]), n)

# The same operations writing into preallocated arrays (dst= / out=), like ImageThroughput's
# "_into" steps: the operation's own cost, without the allocator's. Each cv2 call is checked
# below to really return (i.e. fill) the array it was given.
buf = np.empty((SIZE, SIZE, 3), np.uint8)
sw = max(1, round(SIZE * 0.8))
off = (SIZE - sw) // 2
centre_roi = buf[off:off + sw, off:off + sw]
j1, j2, j3 = (np.empty_like(buf) for _ in range(3))
grey1 = np.empty((SIZE, SIZE), np.uint8)
grey_img = np.empty_like(buf)
hsv = np.empty_like(buf)
hue_lut = np.empty((256, 1, 3), np.uint8)
hue_lut[:, 0, 0] = [(v + 9) % 180 if v < 180 else v for v in range(256)]
hue_lut[:, 0, 1] = hue_lut[:, 0, 2] = np.arange(256)
noise = np.empty((SIZE, SIZE, 3), np.float64)


def checked(result, target):
    assert result is target, "OpenCV did not write into the given dst"
    return result


def scale_area_into(img):
    # Java's zoom-out: an antialiased shrink pasted in the centre, the margins filled.
    checked(cv2.resize(img, (sw, sw), dst=centre_roi, interpolation=cv2.INTER_AREA), centre_roi)
    buf[:off] = 255
    buf[off + sw:] = 255
    buf[off:off + sw, :off] = 255
    buf[off:off + sw, off + sw:] = 255
    return buf


def jitter_into(img):
    checked(cv2.convertScaleAbs(img, dst=j1, alpha=1.2, beta=0), j1)
    grey_mean = checked(cv2.cvtColor(j1, cv2.COLOR_RGB2GRAY, dst=grey1), grey1).mean()
    grey_img.fill(int(grey_mean))
    checked(cv2.addWeighted(j1, 0.8, grey_img, 0.2, 0, dst=j2), j2)
    checked(cv2.cvtColor(j2, cv2.COLOR_RGB2GRAY, dst=grey1), grey1)
    checked(cv2.cvtColor(grey1, cv2.COLOR_GRAY2RGB, dst=j3), j3)
    checked(cv2.addWeighted(j2, 1.2, j3, -0.2, 0, dst=j1), j1)
    checked(cv2.cvtColor(j1, cv2.COLOR_RGB2HSV, dst=hsv), hsv)
    checked(cv2.LUT(hsv, hue_lut, dst=j2), j2)
    return checked(cv2.cvtColor(j2, cv2.COLOR_HSV2RGB, dst=buf), buf)


def noise_into(img):
    rng.standard_normal(out=noise)
    np.multiply(noise, 10, out=noise)
    np.add(noise, img, out=noise)
    np.clip(noise, 0, 255, out=noise)
    np.copyto(buf, noise, casting="unsafe")
    return buf


into = {
    "copy_into": lambda img: np.copyto(buf, img),
    "hflip_into": lambda img: checked(cv2.flip(img, 1, dst=buf), buf),
    "vflip_into": lambda img: checked(cv2.flip(img, 0, dst=buf), buf),
    "rotate_into": lambda img: checked(
        cv2.warpAffine(img, rot, (SIZE, SIZE), dst=buf, flags=cv2.INTER_LINEAR,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)), buf),
    "resized_crop_into": lambda img: checked(
        cv2.resize(img[30:190, 20:170], (SIZE, SIZE), dst=buf, interpolation=cv2.INTER_LINEAR), buf),
    "scale_into": lambda img: checked(
        cv2.warpAffine(img, zoom, (SIZE, SIZE), dst=buf, flags=cv2.INTER_LINEAR,
                       borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)), buf),
    "scale_area_into": scale_area_into,
    "colour_jitter_into": jitter_into,
    "gaussian_noise_into": noise_into,
    # Java clamps at the edges: BORDER_REPLICATE (the default, reflect-101, costs the same).
    "gaussian_blur_into": lambda img: checked(
        cv2.GaussianBlur(img, (0, 0), 1.5, dst=buf, borderType=cv2.BORDER_REPLICATE), buf),
}
for name, op in into.items():
    if not ONLY or name in ONLY:
        # Same output as the allocating step (where the step is the same operation).
        op(crops[0])
    report("opencv", name, lambda i, op=op: op(crops[i]), n)
