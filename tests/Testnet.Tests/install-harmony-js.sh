#!/usr/bin/env bash
# The Harmony JS SDK (@harmony-js/core, pinned) into .tools/harmony-js, with the tslib it needs but does not declare.
exec "$(dirname "$0")/../install-npm-package.sh" harmony-js @harmony-js/core 0.1.58 "the testnet SDK tests" tslib@2.8.1
