// Files just generated pass verify: only the digest warnings (medium) remain, below the default threshold.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Hardening check: 0 critical, 0 high, 3 medium, 0 low, 0 info, 0 waived')
assert log =~ /\[INFO\] Verified in \d+ ms/
assert new File(basedir, 'target/hardened/verify-report.sarif').isFile()
true
