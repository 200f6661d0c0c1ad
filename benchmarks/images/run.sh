#!/usr/bin/env bash
# Images per CPU-second (and per wall-clock second) of the image pipeline's steps and augmentation operators, in one run, next to
# the same steps in OpenCV (python3-opencv) and PIL (python3-pil) on the same images.
# Images: the photos-like wallpapers of Debian's gnome-backgrounds (installed if missing; WebP
# converted once to JPEG quality 90 at 1280 px wide, the size of a typical crawled image).
# Usage: [STEPS="copy hflip_into ..."] benchmarks/images/run.sh [image-folder]
# Steps named *_into write into one preallocated destination on both sides (Java's into-buffer
# operator forms, OpenCV's dst= and numpy's out=); the others allocate their output, as before.
# Java runs with --add-modules=jdk.incubator.vector, so the operators use their SIMD kernels where
# the hardware has them (VectorSupport; the kernels' choice is printed once). BASELINE_SCALAR=1 also
# runs each Java step without the module (scalar code only), printed as "before" lines.
# With BASELINE_CLASSES=<dir of compiled classes> (e.g. an older Resampler/PixelOps/Geometry built
# with javac -cp benchmarks.jar), each Java step also runs with those classes first on the class
# path, printed as "before" lines, so old and new code are measured in the same run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$root/.run/bench-images"
images="${1:-$work/images}"
if [ "$#" -eq 0 ] && [ ! -d "$images" ]; then
  for p in gnome-backgrounds python3-opencv python3-pil python3-numpy; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ -n "${missing[*]:-}" ]; then apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; fi
  mkdir -p "$images"
  /usr/bin/python3 - "$images" <<'PY'
import os, sys
from PIL import Image
src = "/usr/share/backgrounds/gnome"
for f in sorted(os.listdir(src)):
    if f.endswith(".webp"):
        img = Image.open(os.path.join(src, f)).convert("RGB")
        w, h = img.size
        img = img.resize((1280, round(h * 1280 / w)), Image.LANCZOS)
        img.save(os.path.join(sys.argv[1], f[:-5] + ".jpg"), quality=90)
PY
fi
(cd "$root" && mvn -B -q -o -pl benchmarks -am package -DskipTests -Dspotless.check.skip=true -Dstreamprep.test-deps.skip=true) >&2
out="$work/results.txt"
echo "load before: $(uptime)" >&2
mkdir -p "$work"
# One step at a time, Java then Python, each in a fresh process: the two sides of a ratio are
# measured seconds apart (the shared machine's load drifts over minutes), and each JVM's profile
# and JIT see one operator only.
steps=(pipeline decode copy hflip vflip rotate resized_crop scale colour_jitter gaussian_noise gaussian_blur
  copy_into hflip_into vflip_into rotate_into resized_crop_into scale_into scale_area_into
  colour_jitter_into gaussian_noise_into gaussian_blur_into augment_variant)
# STEPS="a b ..." runs only those steps (e.g. the allocating ones against an older BASELINE_CLASSES
# that lacks the into-buffer methods).
if [ -n "${STEPS:-}" ]; then read -r -a steps <<<"$STEPS"; fi
{
  for step in "${steps[@]}"; do
    java -Xmx1g -Djava.awt.headless=true --add-modules=jdk.incubator.vector \
      -XX:CompileCommand=quiet '-XX:CompileCommand=dontinline,io/streamprep/operators/image/VectorKernels*.*' \
      -cp "$root/benchmarks/target/benchmarks.jar" \
      io.streamprep.benchmarks.ImageThroughput "$images" "$step" 2> >(grep -v "incubator modules" >&2)
    if [ -n "${BASELINE_SCALAR:-}" ]; then
      java -Xmx1g -Djava.awt.headless=true -cp "$root/benchmarks/target/benchmarks.jar" \
        io.streamprep.benchmarks.ImageThroughput "$images" "$step" | sed 's/^java /before /'
    fi
    if [ -n "${BASELINE_CLASSES:-}" ]; then
      java -Xmx1g -Djava.awt.headless=true \
        -cp "$BASELINE_CLASSES:$root/benchmarks/target/benchmarks.jar" \
        io.streamprep.benchmarks.ImageThroughput "$images" "$step" | sed 's/^java /before /'
    fi
    /usr/bin/python3 "$root/benchmarks/images/bench.py" "$images" "$step"
  done
} | tee "$out"
echo
echo "images per CPU-second; the last column is the Java:OpenCV ratio of wall-clock rates"
echo "step              java/s   opencv/s  pil/s   java:opencv  java:pil  before/s  before:opencv  wall java:opencv"
awk '{v[$2][$1]=$3; w[$2][$1]=$4; if (!($2 in seen)) {seen[$2]=1; order[n++]=$2}}
  END {for (i=0;i<n;i++) {s=order[i]; j=v[s]["java"]; o=v[s]["opencv"]; p=v[s]["pil"]; b=v[s]["before"];
    printf "%-16s %8s %9s %6s  %10s %9s %9s %14s  %16s\n", s, j, o, (p==""?"-":p),
      (o>0?sprintf("%.2f",j/o):"-"), (p>0?sprintf("%.2f",j/p):"-"), (b==""?"-":b),
      (o>0&&b>0?sprintf("%.2f",b/o):"-"),
      (w[s]["opencv"]>0?sprintf("%.2f",w[s]["java"]/w[s]["opencv"]):"-")}}' "$out"
echo "load after: $(uptime)" >&2
