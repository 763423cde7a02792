#!/usr/bin/env bash
# Set up, build, and render the default figures into output/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
mkdir -p output
# Every figure spec in figures/, rendered in parallel; see README "Figure specs".
"$BUILD_DIR/steppeflow" render figures/*.toml
