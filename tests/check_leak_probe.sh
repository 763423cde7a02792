#!/usr/bin/env bash
# Runs tests/leak_probe.cpp (a deliberate leak of a Cairo surface) under LeakSanitizer with
# the suppressions the suite runs with; passes only when the leak is reported, in libcairo.
set -uo pipefail
probe="$1"
suppressions="$2"
output="$(LSAN_OPTIONS="suppressions=$suppressions:print_suppressions=0" ASAN_OPTIONS="detect_leaks=1" "$probe" 2>&1)"
status=$?
if [[ $status -ne 0 && "$output" == *"LeakSanitizer: detected memory leaks"* && "$output" == *"libcairo"* ]]; then
  exit 0
fi
echo "leak probe: the deliberate leak was not reported (exit $status); the suppressions hide too much:"
echo "$output" | head -20
exit 1
