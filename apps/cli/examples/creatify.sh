#!/usr/bin/env bash
# Creatify: estimate before spending, then create with a ceiling. Above --max-credits reelkit asks
# on a terminal and refuses in a script (exit 2), before anything is sent.
set -euo pipefail
TESTIMONIAL=3b4c5d6e-7f8a-4b9c-8d0e-2f3a4b5c6d83
VARS=(--var quote='Fast delivery and the shoes fit perfectly.' --var customer_name=Ann
      --var spokesperson=avatar-1 --var voice=voice-1)

reelkit creatify estimate --template "$TESTIMONIAL" "${VARS[@]}" --model standard --operation create
reelkit creatify jobs create --template "$TESTIMONIAL" "${VARS[@]}" --max-credits 10 --wait
