#!/usr/bin/env bash
# npm audit of what is shipped (the command's production dependencies and the pane's bundled libraries):
# see scripts/audit.js.
set -uo pipefail
exec node "$(dirname "$0")/audit.js"
