#!/usr/bin/env bash
# CI set-up for sharing between two laptops: Debian's syncthing for the `sync_real` tests
# (they start two instances on loopback themselves; nothing runs in the background here).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v syncthing >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends syncthing >/dev/null
  fi
fi
syncthing --version
