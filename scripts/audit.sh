#!/usr/bin/env bash
# npm audit of the production dependencies: fails on a high or critical advisory. Where the registry
# answers the audit request with an error (some mirrors do not serve the audit endpoint), it says so
# plainly and does not pretend the check passed.
set -uo pipefail
out=$(npm audit --omit=dev --json 2>/dev/null)
if echo "$out" | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    let r; try { r = JSON.parse(s); } catch { process.exit(3); }
    if (r.error || !r.metadata) process.exit(3);
    const v = r.metadata.vulnerabilities || {};
    console.log(`audit: ${v.critical || 0} critical, ${v.high || 0} high, ${v.moderate || 0} moderate, ${v.low || 0} low (production dependencies)`);
    process.exit((v.critical || 0) + (v.high || 0) > 0 ? 1 : 0);
  });'; then
  exit 0
else
  code=$?
  if [ "$code" -eq 3 ]; then
    echo "audit: NOT CHECKED — the registry did not answer the audit request ($(echo "$out" | head -c 200 | tr '\n' ' '))"
    exit 0
  fi
  npm audit --omit=dev --audit-level=high
  exit 1
fi
