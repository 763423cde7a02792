#!/usr/bin/env bash
# The folders of src/ depend on one another in one direction only (src/CMakeLists.txt builds each as
# its own library and makes a wrong-way include a compile error); this says the same of the sources
# themselves, so that a header no target happens to compile yet cannot break the rule either.
# A header may include only what its module links PUBLIC (its users see those headers too); a .cpp
# also what it links PRIVATE. No include may climb out of a folder with "..".
# Prints every include that breaks it and fails; silent when the layering holds.
set -euo pipefail
SRC="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../src" && pwd)}"
# What a module's headers may include: itself and its PUBLIC dependencies, transitively.
declare -A public=(
  [common]="common"
  [model]="common model"
  [geo]="common model geo"
  [io]="common model io"
  [config]="common model geo config"
  [layout]="common model geo config layout"
  [render]="common model geo config layout render"
  [figure]="common model geo io config layout figure"
  [cli]="common model geo io config layout figure cli"
)
# What its .cpp files may include besides: its PRIVATE dependencies.
declare -A private=(
  [config]="io"
  [figure]="render"
  [render]="io"
  [cli]="io"
)
status=0
for dir in "$SRC"/*/; do
  module="$(basename "$dir")"
  if [[ -z "${public[$module]+x}" ]]; then
    echo "layering: src/$module is not in the module order (tests/check_layering.sh, src/CMakeLists.txt)"
    status=1
    continue
  fi
  while IFS=: read -r file line include; do
    target="$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1/' <<<"$include")"
    if [[ "$target" == *..* ]]; then
      echo "layering: ${file#"$SRC"/}:$line includes $target, which climbs out of a module's folder"
      status=1
      continue
    fi
    [[ "$target" == */* ]] || continue
    folder="${target%%/*}"
    [[ -n "${public[$folder]+x}" ]] || continue  # a system header (fmt/, toml++/, …)
    allowed=" ${public[$module]} "
    [[ "$file" == *.cpp ]] && allowed+="${private[$module]:-} "
    if [[ "$allowed" != *" $folder "* ]]; then
      kind=$([[ "$file" == *.cpp ]] && echo "a source" || echo "a header")
      echo "layering: ${file#"$SRC"/}:$line includes $folder/ ($kind of $module/ may not depend on it)"
      status=1
    fi
  done < <(grep -rHnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]' "$dir" || true)
done
# The painter draws what the layout placed; it never sees the figure's options, even through
# another layout header.
for header in figure_options.hpp scene_builder.hpp flow_layout.hpp legend_layout.hpp label_layout.hpp; do
  if grep -rHnE "#[[:space:]]*include[[:space:]]*[<\"]layout/$header" "$SRC"/render/; then
    echo "layering: render/ includes layout/$header, which brings the figure's options"
    status=1
  fi
done
exit $status
