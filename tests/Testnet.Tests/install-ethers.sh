#!/usr/bin/env bash
# ethers v6, pinned, into .tools/ethers: the testnet's wallet tests run node scripts with it against a real testnet.
exec "$(dirname "$0")/../install-npm-package.sh" ethers ethers 6.17.0 "the testnet's wallet tests"
