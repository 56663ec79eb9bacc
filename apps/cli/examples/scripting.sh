#!/usr/bin/env bash
# In scripts: --json puts only data on stdout (errors as JSON on stderr) and the exit code says what
# happened (2 usage, 3 auth, 4 not found, 6 maybe submitted: look before re-sending).
set -uo pipefail
PRODUCT_CARD=9b2e4c61-3f7a-4e8d-b5c2-7a1d0e6f4b22

id=$(reelkit --json renders create --template "$PRODUCT_CARD" --modify price='$5' |
  node -e 'process.stdin.on("data", (d) => console.log(JSON.parse(d)[0].id))')
reelkit --json renders wait "$id" > /dev/null && echo "render $id succeeded"

reelkit renders get 00000000-0000-4000-8000-000000000000 2> /dev/null
echo "a render that does not exist: exit $?"
