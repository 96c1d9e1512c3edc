#!/usr/bin/env bash
# Installs what the tests need (Debian packages in test-packages.txt). ./test.sh runs it.
exec "$(dirname "$0")/install-packages.sh" "$(dirname "$0")/test-packages.txt"
