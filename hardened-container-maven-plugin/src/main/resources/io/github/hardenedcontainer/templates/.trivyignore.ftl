<#-- .trivyignore: accepted vulnerabilities. Data model: see TemplateData. -->
# Vulnerabilities listed here do not fail the image scan. Each entry must be justified, directly above it:
#   - why it does not apply to this image, or why no fixed version exists yet;
#   - who accepted it, and when;
#   - an expiry, so the decision is reviewed: Trivy ignores an entry only until its exp: date.
# Example:
#   # CVE-2026-00000: affects the XML parser's DTD loading, which the service never enables.
#   # Accepted by the platform team, 2026-11-01; review by 2027-02-01.
#   CVE-2026-00000 exp:2027-02-01
#
# This file is created once and then belongs to you: hardened:generate never overwrites it.
