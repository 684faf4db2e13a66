#!/usr/bin/env bash
# Azurite, the Azure Storage emulator the cluster tests run against, pinned, into .tools/azurite.
exec "$(dirname "$0")/../install-npm-package.sh" azurite azurite 3.37.0 "the cluster storage tests"
