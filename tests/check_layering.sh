#!/usr/bin/env bash
# The folders of src/ depend on one another in one direction only (src/CMakeLists.txt builds each as
# its own library and makes a wrong-way include a compile error); this says the same of the sources
# themselves, so that a header no target happens to compile yet cannot break the rule either.
# Prints every include that breaks it and fails; silent when the layering holds.
set -euo pipefail
SRC="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../src" && pwd)}"
declare -A allowed=(
  [common]="common"
  [model]="common model"
  [geo]="common model geo"
  [io]="common model io"
  [config]="common model geo io config"
  [layout]="common model geo config layout"
  [render]="common model geo config layout render"
  [figure]="common model geo io config layout render figure"
  [cli]="common model geo io config layout render figure cli"
)
status=0
for dir in "$SRC"/*/; do
  module="$(basename "$dir")"
  if [[ -z "${allowed[$module]+x}" ]]; then
    echo "layering: src/$module is not in the module order (tests/check_layering.sh, src/CMakeLists.txt)"
    status=1
    continue
  fi
  while IFS=: read -r file line include; do
    target="${include#*\"}"
    target="${target%%/*}"
    if [[ " ${allowed[$module]} " != *" $target "* ]]; then
      echo "layering: ${file#"$SRC"/}:$line includes $target/, which $module/ must not depend on"
      status=1
    fi
  done < <(grep -Hn '^#include "[a-z_]*/' "$dir"* || true)
done
# The painter draws what the layout placed; it never sees the figure's options.
if grep -Hn '#include "layout/figure_options.hpp"' "$SRC"/render/* ; then
  echo "layering: render/ includes the figure options"
  status=1
fi
exit $status
