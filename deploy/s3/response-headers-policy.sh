#!/usr/bin/env bash
# The security headers for a CloudFront distribution in front of the bucket
# (docs/security.md): a response headers policy with this build's Content
# Security Policy (dist/security-policy.txt), nosniff, a referrer policy and
# a permissions policy. Prints the policy configuration as JSON; create it
# once and attach it to the distribution's behaviours:
#   deploy/s3/response-headers-policy.sh [DIST] >policy.json
#   aws cloudfront create-response-headers-policy --response-headers-policy-config file://policy.json
# (or update-response-headers-policy with its id and ETag on a later build
# whose policy changed, e.g. new image hosts in site.json).
set -euo pipefail
DIST=${1:-dist}
[ -f "$DIST/security-policy.txt" ] || { echo "$DIST/security-policy.txt is missing: build first" >&2; exit 1; }
POLICY=$(tr -d '\n' <"$DIST/security-policy.txt")
cat <<JSON
{
  "Name": "folio-security-headers",
  "Comment": "Folio: Content Security Policy and related headers",
  "SecurityHeadersConfig": {
    "ContentSecurityPolicy": { "Override": true, "ContentSecurityPolicy": "$POLICY" },
    "ContentTypeOptions": { "Override": true },
    "ReferrerPolicy": { "Override": true, "ReferrerPolicy": "strict-origin-when-cross-origin" }
  },
  "CustomHeadersConfig": {
    "Quantity": 1,
    "Items": [
      { "Header": "Permissions-Policy", "Value": "camera=(), microphone=(), geolocation=(), payment=(), usb=()", "Override": true }
    ]
  }
}
JSON
