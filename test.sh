#!/usr/bin/env bash
# Runs every test of OneStop.Feedback on a fresh Debian 12 machine with the .NET 10 SDK.
# Installs (apt-get) what the tests need when it is missing, builds the solution and runs all test projects.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: program -> package.
declare -A wanted=(
  [mosquitto]=mosquitto            # real broker for integration tests, and mosquitto_passwd
  [mosquitto_pub]=mosquitto-clients # an outside MQTT client
  [influxd]=influxdb               # InfluxDB 1.6.7: the time-series tests start their own influxd
  [chromium]=chromium              # dashboard browser tests (Playwright drives Debian's Chromium, no browser download)
)
# Files the tests need, for packages that install no program: file -> package.
declare -A wanted_files=(
  [/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf]=fonts-dejavu-core # chart text with Vietnamese glyphs
  [/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf]=fonts-dejavu-core # the OLED font of the firmware (tests/OneStop.Feedback.Firmware.Tests/Display)
  [/usr/lib/postgresql/15/bin/initdb]=postgresql # PostgreSQL 15 server, started by the tests in a temporary cluster
)
missing=()
for program in "${!wanted[@]}"; do
  command -v "$program" >/dev/null 2>&1 || missing+=("${wanted[$program]}")
done
for file in "${!wanted_files[@]}"; do
  [ -f "$file" ] || missing+=("${wanted_files[$file]}")
done
if ((${#missing[@]})); then
  echo "==> installing: ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

echo "==> build"
dotnet build OneStop.Feedback.sln -c Release -nologo -v quiet

echo "==> format check"
dotnet format OneStop.Feedback.sln --verify-no-changes --no-restore

echo "==> tests"
log=$(mktemp)
set +e
# One test project at a time (-m:1): the fault, outage and browser suites start servers and time their recoveries;
# on a 2-core machine two such suites side by side starve each other.
dotnet test OneStop.Feedback.sln -c Release --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed} passed, ${failed} failed"
exit "$status"
