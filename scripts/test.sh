#!/usr/bin/env bash
# Set up, build, and run the whole test suite (CTest + GoogleTest).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j"$(nproc)"
