#!/usr/bin/env bash
# Installs the Debian packages the test suite runs against (real MT server, real images, real
# reference libraries). Idempotent and quick when everything is present; called by the Maven build
# (root pom, phase "initialize"), so "mvn verify" works on a fresh machine. Skip with
# -Dstreamprep.test-deps.skip=true.
#
# Every package is listed in deploy/local/test-packages.txt with the reason it is needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t packages < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/test-packages.txt" | awk '{print $1}')
[ "${#packages[@]}" -eq 0 ] && exit 0

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo=(sudo -n); else
        echo "test-deps: missing Debian packages ${missing[*]} and not root; install them, or run" >&2
        echo "           with -Dstreamprep.test-deps.skip=true (the tests that need them will fail)" >&2
        exit 1
    fi
else
    sudo=()
fi

echo "test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Parallel builds (several worktrees) share dpkg: serialize on a lock file.
exec 9>/tmp/streamprep-test-deps.lock
flock 9
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "test-deps: done"
