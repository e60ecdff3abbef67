# Sourced by .ci/run (bash, set -euo pipefail, as root on a fresh Debian): install Debian's
# Chromium for the end-to-end browser tests and say where it is. Playwright drives this
# binary by its path; `playwright install` is never used (it downloads from the internet).
if ! command -v chromium >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
CROSSWIRE_CHROMIUM="$(command -v chromium)"
export CROSSWIRE_CHROMIUM
echo "chromium: $("$CROSSWIRE_CHROMIUM" --version 2>/dev/null || echo unknown) at $CROSSWIRE_CHROMIUM"
