#!/usr/bin/env bash
# One of each command (against the emulator's seed data). Long-running ones are at the end, as comments.
set -euo pipefail
PRODUCT_CARD=9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22
SHOWCASE=1f2e3d4c-5b6a-4798-8a9b-0c1d2e3f4a61
first_id() { node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const v = JSON.parse(s); console.log((Array.isArray(v) ? v[0] : v).id); })'; }

# Creatomate templates
reelkit templates list --tags ecommerce
reelkit templates get "$PRODUCT_CARD" --json > product-card.json
reelkit templates inspect "$PRODUCT_CARD"
reelkit templates pull --out templates.gen.ts

# Creatomate renders
id=$(reelkit --json renders create --template "$PRODUCT_CARD" --modify price='$19' --metadata order-42 | first_id)
reelkit renders get "$id"
reelkit renders list --template "$PRODUCT_CARD" --limit 5
reelkit renders wait "$id"
reelkit renders download "$id" --out renders/
reelkit renders delete "$id"

# Creatify
reelkit creatify templates list
reelkit creatify templates get "$SHOWCASE"
VARS=(--template "$SHOWCASE" --var product_name=Sneaker --var product_image=https://cdn.example.com/s.jpg)
reelkit creatify estimate --seconds 25 --model aurora_v1 --operation create
job=$(reelkit --json creatify jobs preview "${VARS[@]}" --async | first_id)
reelkit creatify jobs wait "$job"
reelkit creatify jobs render "$job" --wait
reelkit creatify jobs get "$job"
reelkit creatify jobs create "${VARS[@]}" --max-credits 10 --wait

reelkit doctor
# reelkit emulator --port 4010 --speed 10          # foreground; Ctrl-C stops it
# reelkit webhooks listen --forward-to http://localhost:3000/hooks
# reelkit renders create --template "$PRODUCT_CARD" --webhook local
# printf %s "$KEY" | reelkit --profile ci login
# source <(reelkit complete bash)
