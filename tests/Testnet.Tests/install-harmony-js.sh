#!/usr/bin/env bash
# The Harmony JS SDK (@harmony-js/staking and @harmony-js/core, pinned; checked by staking, the later addition) into .tools/harmony-js,
# with the tslib it needs but does not declare.
exec "$(dirname "$0")/../install-npm-package.sh" harmony-js @harmony-js/staking 0.1.58 "the testnet SDK tests" @harmony-js/core@0.1.58 tslib@2.8.1
