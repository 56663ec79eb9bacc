#!/usr/bin/env bash
# A first render in five commands, against the emulator: run `reelkit emulator` in another shell
# and paste the `export` lines it prints (or set CREATOMATE_API_KEY for the real API).
set -euo pipefail
PRODUCT_CARD=9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22

reelkit doctor                                  # 1. versions, configuration, live check
reelkit templates list                          # 2. the templates you can render
reelkit templates inspect "$PRODUCT_CARD"       # 3. what its modifications can change
reelkit renders create --template "$PRODUCT_CARD" \
  --modify Product-Name="Trail Runner 3" --modify price='$59' \
  --wait --download out/                        # 4. render, wait, save the file
reelkit renders list --limit 1                  # 5. there it is
