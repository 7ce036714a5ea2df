#!/usr/bin/env bash
# 20,000 terminals connected to one server: needs more open files than the default limit, for this load process
# and for the server it starts (which inherits the limit). The limit is raised here, for these processes only.
#   tests/OneStop.Feedback.Benchmarks/connections.sh [--terminals 20000] [--seconds 60] [--rate 200]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="$here/bin/Release/net10.0/OneStop.Feedback.Benchmarks.dll"
[ -f "$dll" ] || { echo "build first: dotnet build -c Release tests/OneStop.Feedback.Benchmarks" >&2; exit 2; }
want=65536
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$want" ]; then
  # Raising the hard limit needs CAP_SYS_RESOURCE; without it (containers) the run uses the hard limit as it is,
  # and the benchmark says how many terminals fit.
  ulimit -Hn "$want" 2>/dev/null || { want="$(ulimit -Hn)"; echo "cannot raise the hard open-file limit above $want here (no CAP_SYS_RESOURCE)"; }
fi
ulimit -Sn "$want"
echo "open-file limit for this run: $(ulimit -n)"
exec timeout 1800 dotnet "$dll" connections "$@"
