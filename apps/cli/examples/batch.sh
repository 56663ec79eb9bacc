#!/usr/bin/env bash
# One render per CSV row. Every row is checked first; the ledger beside the data file makes a
# re-run resume (or, for a finished batch, submit nothing and print the same summary).
set -euo pipefail
PRODUCT_CARD=9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22

cat > products.csv <<'CSV'
name,price
Trail Runner 3,$59
Road Glide,$79
Summit Boot,$129
CSV

reelkit renders batch --template "$PRODUCT_CARD" --data products.csv \
  --map 'Product-Name={{name}}' --map 'price={{price}}' --wait
# Run it again: nothing is submitted twice.
reelkit renders batch --template "$PRODUCT_CARD" --data products.csv \
  --map 'Product-Name={{name}}' --map 'price={{price}}' --wait
