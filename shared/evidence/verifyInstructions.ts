/**
 * VERIFY.txt (human steps) and verify.sh (POSIX sh doing the same) for one bundle: the commands of
 * EVIDENCE.md with this bundle's principal and namespace filled in. Both are tag files, so they are
 * covered by the signed tag manifest; the report is optional (added after signing), so both test
 * for it at run time.
 */
export interface VerifyTextParams {
  bagName: string;
  principal: string;
  namespace: string;
  fingerprint: string;
  /** How many earlier keys metadata/signer/previous/ holds (keyHistory.ts). */
  previousKeys: number;
}

/** Single-quote for sh; principals and namespaces are already restricted to a safe alphabet. */
const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * VERIFY.txt's custody-chain check in Python 3: canonicalJson.ts's bytes for every value the log can
 * hold (JavaScript's number formatting, keys in UTF-16 order, lone surrogates escaped), not
 * json.dumps's (1e-07 for 1e-7, 1e-05 for 0.00001, keys in code point order). At column 0: a
 * recipient pastes it into a shell as it is.
 */
export const CUSTODY_PYTHON = String.raw`python3 - <<'EOF'
import hashlib, json, sys
from decimal import Decimal
def js(v):  # JSON as JavaScript's JSON.stringify writes it, object keys in UTF-16 order
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{%s}" % ",".join(js(k) + ":" + js(v[k]) for k in keys)
    if isinstance(v, list):
        return "[%s]" % ",".join(map(js, v))
    if isinstance(v, float):  # ECMAScript Number::toString, from the same shortest digits
        _, digits, exp = Decimal(repr(abs(v))).normalize().as_tuple()
        d, n = "".join(map(str, digits)), exp + len(digits)
        if len(d) <= n <= 21: s = d + "0" * (n - len(d))
        elif 0 < n <= 21: s = d[:n] + "." + d[n:]
        elif -6 < n <= 0: s = "0." + "0" * -n + d
        else: s = d[0] + ("." + d[1:] if len(d) > 1 else "") + "e%+d" % (n - 1)
        return "-" + s if v < 0 else s
    s = json.dumps(v, ensure_ascii=False)
    return "".join("\\u%04x" % ord(c) if 0xD800 <= ord(c) < 0xE000 else c for c in s)
prev, n, broken = "0" * 64, 0, []
for line in open("metadata/custody.jsonl", encoding="utf-8"):
    e = json.loads(line)
    h = e.pop("hash", None)
    ok = e.get("prev") == prev and hashlib.sha256(js(e).encode("utf-8")).hexdigest() == h
    print(e.get("seq"), "ok" if ok else "BROKEN")
    prev, n = h, n + 1
    if not ok: broken.append(str(e.get("seq")))
if broken:
    sys.exit("FAILED: the custody chain is broken at seq %s (%d of %d entries)" % (", ".join(broken), len(broken), n))
if not n:
    sys.exit("FAILED: metadata/custody.jsonl holds no entries")
print("OK: chain intact, %d %s" % (n, "entry" if n == 1 else "entries"))
EOF
`;

/**
 * VERIFY.txt's check that a report PDF is signed by the certificate attached to it (the one the
 * analyst's SSHSIG vouches for), not by a look-alike naming the same signer: the CMS that
 * `pdfsig -dump` wrote (folder $S, one signature) must carry that certificate, and it alone, in
 * SignedData.certificates. Python 3's standard library only; at column 0, pasted as it is.
 */
export const SIGNING_CERTIFICATE_PYTHON = String.raw`python3 - "$S" "$D/report-signing-certificate.der" <<'END'
import os, sys
def element(b, i):  # the DER element at i: its tag, where its content starts and where it ends
    tag, n, i = b[i], b[i + 1], i + 2
    if n & 0x80:
        n, i = int.from_bytes(b[i:i + (n & 0x7F)], "big"), i + (n & 0x7F)
    return tag, i, i + n
sigs, cert = os.listdir(sys.argv[1]), open(sys.argv[2], "rb").read()
if len(sigs) != 1:
    sys.exit("FAILED: pdfsig -dump found %d signatures in the PDF, not one" % len(sigs))
cms, ok = open(os.path.join(sys.argv[1], sigs[0]), "rb").read(), False
try:
    i = element(cms, element(cms, element(cms, 0)[1])[2])[1]  # ContentInfo, its type, [0] content
    i = element(cms, i)[1]                                     # SignedData
    for _ in range(3):                                         # version, digest algorithms, content
        i = element(cms, i)[2]
    tag, start, end = element(cms, i)                          # [0] certificates
    ok = tag == 0xA0 and cms[start:end] == cert
except IndexError:
    pass
if not ok:
    sys.exit("FAILED: the PDF is not signed by the attached report-signing-certificate.der (but by another certificate, whatever names pdfsig shows)")
print("OK: the PDF is signed by the attached certificate, and by no other")
END
`;

export function verifyTxt(p: VerifyTextParams): string {
  const sv = `ssh-keygen -Y verify -f metadata/signer/allowed_signers -I ${p.principal} -n ${p.namespace}`;
  return `How to verify this evidence bundle (${p.bagName})
=====================================================================
Everything below runs offline with standard tools: unzip (Info-ZIP), OpenSSH 8.2+ (ssh-keygen),
coreutils (sha256sum/sha512sum; on macOS use "shasum -a 512 -c"), and optionally minisign.
verify.sh in this folder runs steps 2 to 6 (step 1 checks the ZIP itself: run it first):
     sh verify.sh <signer fingerprint received out of band>
(without it, verify.sh runs every other check and exits 3: the signer is not checked). verify.sh
travels with the bundle too: whoever could edit the bundle could replace it. Where the sender is
not trusted, run the steps below yourself.

Signer: ${p.principal}
Signer key fingerprint at signing time: ${p.fingerprint}
IMPORTANT: this file travels with the bundle, so it cannot prove who signed. Compare the
fingerprint printed in step 2 with the one you received separately (phone, letter, website).

1. Test the archive (this must print "No errors detected in compressed data of ${p.bagName}.zip."):
     unzip -tq ${p.bagName}.zip
   check that no name is stored twice in it (an extractor could show the copy the manifests do not
   cover; this must print nothing):
     unzip -Z1 ${p.bagName}.zip | LC_ALL=C sort | uniq -d
   and that it holds the one folder ${p.bagName}/ and nothing beside it (this must print only ${p.bagName}):
     unzip -Z1 ${p.bagName}.zip | cut -d/ -f1 | LC_ALL=C sort -u
     unzip ${p.bagName}.zip && cd ${p.bagName}

2. Show the signer's key fingerprint and compare it out of band:
     ssh-keygen -lf metadata/signer/id_ed25519.pub
${previousKeysStep(p)}
3. Check the signature over the tag manifest. It must say Good "${p.namespace}" signature
   for ${p.principal} with ED25519 key <the fingerprint of step 2>: a different key there means
   metadata/signer/allowed_signers was replaced, and the bundle was signed by someone else.
     ${sv} \\
       -s signatures/tagmanifest-sha512.txt.sig < tagmanifest-sha512.txt

4. Check every tag file, then every payload file, against the signed manifests:
     sha512sum -c tagmanifest-sha512.txt && sha512sum -c manifest-sha512.txt && sha256sum -c manifest-sha256.txt
   Then check that data/ holds no file missing from the manifest (an added file or link), which must
   print nothing but the last line:
     F=$(mktemp) && find data ! -type d | LC_ALL=C sort > "$F" && cut -c 131- manifest-sha512.txt | LC_ALL=C sort |
       diff - "$F" && echo "no unlisted payload file"
   and that nothing was added beside data/ either (the tag manifest lists every other file but itself,
   the signatures and the report), and that no entry is a link: both must print nothing:
     T=$(mktemp) && cut -c 131- tagmanifest-sha512.txt > "$T" && find . ! -type d ! -path './data/*' | sed 's|^\\./||' |
       grep -vxF -f "$T" | grep -vE '^(tagmanifest-sha512\\.txt|report/evidence-report\\.(pdf|sha256)|signatures/(tagmanifest-sha512\\.txt\\.(sig|minisig)|evidence-report\\.(pdf|sha256)\\.sig|[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.(tsr|ots)))$'
     find . ! -type d ! -type f

5. Optionally, the minisign signature made with the same key:
     minisign -Vm tagmanifest-sha512.txt -x signatures/tagmanifest-sha512.txt.minisig -p metadata/signer/minisign.pub
   minisign.pub must hold the key of step 2 (these two commands must print the same line of 64 hex
   digits; if your base64 has no -d, use base64 -D or openssl base64 -d -A):
     sed -n 2p metadata/signer/minisign.pub | base64 -d | tail -c 32 | od -An -tx1 | tr -d ' \\n'; echo
     cut -d' ' -f2 metadata/signer/id_ed25519.pub | base64 -d | tail -c 32 | od -An -tx1 | tr -d ' \\n'; echo

6. The report. Whether one was made for this bundle is in metadata/provenance.json (checked in
   step 4): with "report": null, nothing may be in report/ and no signatures/evidence-report.* may
   exist (a report added after signing); with "report": "report/evidence-report.pdf" it must be
   here. It was added after signing, because it prints the bundle id, so it has its own signature,
   and report/evidence-report.sha256 (signed too) ties it to this bundle: it names the report's
   SHA-256 and the bundle id. Both signatures must name the key of step 2 as in step 3, and
   sha256sum must print "OK" for report/evidence-report.pdf and for tagmanifest-sha512.txt (a
   report of another bundle fails here):
     ${sv} \\
       -s signatures/evidence-report.pdf.sig < report/evidence-report.pdf
     ${sv} \\
       -s signatures/evidence-report.sha256.sig < report/evidence-report.sha256
     sha256sum -c --strict report/evidence-report.sha256
   The report is signed inside the PDF too (reports made since 2026-12-03), so that a PDF passed on
   alone can be checked: where poppler's pdfsig is installed, it must print "Total document signed"
   and "Signature is Valid." (and "Certificate issuer is unknown": the certificate is the analyst's
   own), with a signer whose "OU" is "SSH key " and the fingerprint of step 2. A PDF in which pdfsig
   finds no signature was not signed inside (made before 2026-12-03, or rewritten since): only the
   bundle's signatures above vouch for it.
     pdfsig report/evidence-report.pdf
   What ties that certificate to the analyst's key is attached to the PDF: the certificate, its
   SSHSIG by the analyst's key, and that key's allowed_signers line. For a PDF received alone,
   extract them into a new empty folder and check the SSHSIG: ssh-keygen must print
   Good "${p.namespace}" signature for ${p.principal} with the fingerprint you trust.
   Then check that the attached certificate is the one that signed the PDF, byte for byte: pdfsig
   shows only the names a certificate gives, which anyone can write into a certificate of their
   own. pdfsig -dump writes the signature out, and the Python 3 below must print
   "OK: the PDF is signed by the attached certificate, and by no other":
     D=$(mktemp -d) && pdfdetach -saveall -o "$D" report/evidence-report.pdf
     ssh-keygen -Y verify -f "$D/allowed_signers" -I ${p.principal} -n ${p.namespace} \\
       -s "$D/report-signing-certificate.der.sig" < "$D/report-signing-certificate.der"
     S=$(mktemp -d) && P=$(pwd)/report/evidence-report.pdf && (cd "$S" && pdfsig -dump "$P" > /dev/null)
${SIGNING_CERTIFICATE_PYTHON}
7. Where installed, the Library of Congress BagIt validator:
     python3 -m bagit --validate .

The bundle id printed in the report is the SHA-256 of tagmanifest-sha512.txt:
     sha256sum tagmanifest-sha512.txt
Each cited row is a file data/source/<hash prefix>_<file>/row-<row>_bytes-<offset>-<length>.csv
holding the exact bytes [offset, offset + length) of the (decompressed) source file whose SHA-256
items.jsonl gives; check it against your own copy of the source:
     tail -c +$((offset + 1)) SOURCE.csv | head -c length | cmp - data/source/.../row-..._bytes-...csv
Beside them, header_bytes-0-<length>.csv is the source's header row, its first <length> bytes,
which names the rows' columns (items.jsonl gives it as "header"; check it the same way, offset 0).
<row> counts the file's CSV records after its header row (a record can span several lines when a
field holds a line break; blank lines and repeated header rows count too): the byte offset is the
exact place.
A chart or network the case cites is also a file of its own, data/derived/figures/<item id>.svg
(or .png), to open in any viewer. Such an SVG carries the app's fonts inside it (as data: URLs),
so its text draws the same anywhere: by those fonts alone it differs from the SVG that
data/derived/pinned-items.json keeps, as the analyst pinned it.
metadata/custody.jsonl is a hash-chained log: each entry's "hash" is the SHA-256 of the entry
without "hash" as compact JSON in UTF-8, keys in UTF-16 order, as JavaScript's JSON.stringify
writes it, and its "prev" is the entry before's "hash" (64 zeros for the first). The app's
"verify" command re-checks the chain; so does this Python 3, run in this folder (it prints each
entry's seq with ok or BROKEN, then "OK: chain intact, N entries", or a FAILED line and exits
with status 1; Python's json.dumps alone writes some numbers otherwise, 1e-07 for 1e-7, and
sorts keys otherwise). Its bytes are covered by step 4 either way.
${CUSTODY_PYTHON}The log ends with the last action before this export: the export itself is recorded after the
bundle is written, in the sender's log, as an "export" entry naming this bundle's id, the ZIP's
size and "custodyHead", the "hash" of this log's last entry. A later bundle of the same case holds
that entry, and its custodyHead equal to this log's last hash ties the two bundles together.
`;
}

/** Step 2's sequel where the signer's key replaced earlier ones: the commands that follow the chain. */
function previousKeysStep(p: VerifyTextParams): string {
  if (!p.previousKeys) return '';
  const steps = Array.from({ length: p.previousKeys }, (_, i) => {
    const n = i + 1;
    const vouched = n === 1 ? 'metadata/signer/allowed_signers' : `metadata/signer/previous/${n - 1}/allowed_signers`;
    return `     ssh-keygen -lf metadata/signer/previous/${n}/id_ed25519.pub
     ssh-keygen -Y verify -f metadata/signer/previous/${n}/allowed_signers -I ${p.principal} -n ${p.namespace} \\
       -s metadata/signer/previous/${n}/rotation.sig < ${vouched}`;
  });
  return `   This key replaced ${p.previousKeys === 1 ? 'an earlier key' : `${p.previousKeys} earlier keys`} of the same analyst (key rotation). If the fingerprint you
   received is of an earlier key, follow the chain: each earlier key signed the allowed_signers
   line of the key after it. Each verify must say Good "${p.namespace}" signature with the
   fingerprint printed just before it, and you may stop at the key whose fingerprint you trust:
${steps.join('\n')}
`;
}

export function verifySh(p: VerifyTextParams): string {
  return `#!/bin/sh
# Verifies this evidence bundle offline with standard tools (see VERIFY.txt).
# Usage: sh verify.sh EXPECTED_FINGERPRINT   (the signer's SHA256:... fingerprint, or the whole ssh-keygen -lf line, received out of band)
# Exits 0 only when every check passes; otherwise prints "FAILED <check>: <what>" and exits 1.
# Without the fingerprint it runs every other check and exits 3: the signer is not checked.
set -u
cd "$(dirname "$0")" || exit 2
PRINCIPAL=${q(p.principal)}
NAMESPACE=${q(p.namespace)}

fail() { echo "FAILED $1: $2" >&2; exit 1; }
echo "note    zip: this script checks the extracted folder; the ZIP itself is checked by step 1 of VERIFY.txt (or the app)"
pass() { echo "ok      $1: $2"; }
have() { command -v "$1" >/dev/null 2>&1; }
# Paths listed in a "<hex>  <path>" manifest ($1 = hex length + 3).
listed() { cut -c "$1"- "$2"; }
# The lines of standard input that manifest $2 does not list ($1 as above). One awk pass, not a
# grep of the manifest per file: that took minutes for a bundle of 10,000 cited rows.
unlisted() { LC_ALL=C awk -v c="$1" '!f { seen[substr($0, c)] = 1; next } !($0 in seen)' "$2" f=1 -; }

have ssh-keygen || fail tools "ssh-keygen not found (OpenSSH 8.2 or later is needed)"
if have sha512sum; then SHA512=sha512sum; SHA256=sha256sum
elif have shasum; then SHA512='shasum -a 512'; SHA256='shasum -a 256'
else fail tools "neither sha512sum nor shasum found"; fi
for f in bagit.txt tagmanifest-sha512.txt manifest-sha512.txt manifest-sha256.txt metadata/signer/allowed_signers \\
  metadata/signer/id_ed25519.pub signatures/tagmanifest-sha512.txt.sig; do
  [ -f "$f" ] || fail completeness "required file $f is missing"
done
# The folder's name is the signed case id and creation time (this script is in the tag manifest):
# a bundle renamed to pass for another case fails here, as it fails VERIFY.txt step 1 and the app.
BAG=${q(p.bagName)}
HERE=$(basename "$(pwd -P)")
[ "$HERE" = "$BAG" ] || fail completeness "the bag folder is $HERE/, but this signed script (and metadata/provenance.json) names it $BAG/: renamed after signing?"

FP=$(ssh-keygen -lf metadata/signer/id_ed25519.pub 2>&1) || fail key "ssh-keygen cannot read metadata/signer/id_ed25519.pub: $FP"
pass key "$FP"
# The fingerprint field alone: the line's comment is the key file's, which whoever made it chose.
KEYFP=$(printf '%s\\n' "$FP" | cut -d' ' -f2)
# Earlier keys (metadata/signer/previous/N, key rotation): each signed the allowed_signers line of the key after it.
CHAIN=""
N=1
VOUCHED=metadata/signer/allowed_signers
while [ -f "metadata/signer/previous/$N/id_ed25519.pub" ]; do
  D=metadata/signer/previous/$N
  PFP=$(ssh-keygen -lf "$D/id_ed25519.pub" 2>&1) || fail key-history "ssh-keygen cannot read $D/id_ed25519.pub: $PFP"
  PFP=$(printf '%s\\n' "$PFP" | cut -d' ' -f2)
  OUT=$(ssh-keygen -Y verify -f "$D/allowed_signers" -I "$PRINCIPAL" -n "$NAMESPACE" -s "$D/rotation.sig" < "$VOUCHED" 2>&1) ||
    fail key-history "$D/rotation.sig does not verify over $VOUCHED: $OUT"
  [ "\${OUT##* }" = "$PFP" ] || fail key-history "$D/rotation.sig was made by \${OUT##* }, not by $D/id_ed25519.pub ($PFP)"
  pass key-history "earlier key $PFP vouched for the key after it ($VOUCHED)"
  CHAIN="$CHAIN $PFP"
  VOUCHED=$D/allowed_signers
  N=$((N + 1))
done

if [ $# -ge 1 ]; then
  # Given as SHA256:… or as the whole line ssh-keygen -lf prints (the app shows that line).
  WANT=$(printf '%s\\n' "$1" | tr ' ' '\\n' | grep '^SHA256:' | head -n 1)
  [ -n "$WANT" ] || WANT=$1
  [ -n "$WANT" ] || fail trust "the expected fingerprint given is empty: give the signer's SHA256:… fingerprint received out of band"
  if [ "$KEYFP" = "$WANT" ]; then
    pass trust "signer fingerprint is the expected $WANT"
  else
    case " $CHAIN " in
      *" $WANT "*) pass trust "the expected $WANT is an earlier key of the signer: it vouched for $KEYFP through the key-history lines above" ;;
      *) fail trust "signer fingerprint $KEYFP is not the expected $WANT" ;;
    esac
  fi
else
  UNCHECKED_SIGNER=$FP
  echo "warn    trust: no expected fingerprint given; compare the line above with the one received out of band"
fi

OUT=$(ssh-keygen -Y verify -f metadata/signer/allowed_signers -I "$PRINCIPAL" -n "$NAMESPACE" \\
  -s signatures/tagmanifest-sha512.txt.sig < tagmanifest-sha512.txt 2>&1) ||
  fail signature "ssh-keygen -Y verify rejected signatures/tagmanifest-sha512.txt.sig over tagmanifest-sha512.txt: $OUT"
# allowed_signers decides which key may sign: it must be the key shown and checked above.
[ "\${OUT##* }" = "$KEYFP" ] || fail signature "signed by key \${OUT##* } (metadata/signer/allowed_signers), not by metadata/signer/id_ed25519.pub ($KEYFP)"
pass signature "$OUT"

OUT=$($SHA512 -c --quiet tagmanifest-sha512.txt 2>&1) || fail tagmanifest "$OUT"
pass tagmanifest "every tag file matches tagmanifest-sha512.txt"

OUT=$($SHA512 -c --quiet manifest-sha512.txt 2>&1) || fail payload "manifest-sha512.txt: $OUT"
OUT=$($SHA256 -c --quiet manifest-sha256.txt 2>&1) || fail payload "manifest-sha256.txt: $OUT"
pass payload "every payload file matches manifest-sha512.txt and manifest-sha256.txt"

EXTRA=$(find . ! -type d ! -type f)
[ -z "$EXTRA" ] || fail completeness "not a regular file (a link?): $EXTRA"
EXTRA=$(find data ! -type d | unlisted 131 manifest-sha512.txt) || fail completeness "awk could not compare data/ with manifest-sha512.txt"
[ -z "$EXTRA" ] || fail completeness "in data/ but not in manifest-sha512.txt: $EXTRA"
[ "$(listed 131 manifest-sha512.txt | LC_ALL=C sort)" = "$(listed 67 manifest-sha256.txt | LC_ALL=C sort)" ] ||
  fail completeness "manifest-sha256.txt and manifest-sha512.txt list different files"
EXTRA=$(find . ! -type d ! -path './data/*' ! -path './signatures/*' ! -path './report/*' ! -path ./tagmanifest-sha512.txt |
  sed 's|^\\./||' | unlisted 131 tagmanifest-sha512.txt) || fail completeness "awk could not compare the tag files with tagmanifest-sha512.txt"
[ -z "$EXTRA" ] || fail completeness "outside data/ but not in tagmanifest-sha512.txt: $EXTRA"
EXTRA=$(find report signatures -mindepth 1 -type d 2>/dev/null)
[ -z "$EXTRA" ] || fail completeness "a folder inside report/ or signatures/: $EXTRA"
EXTRA=$(find report ! -type d ! -path report/evidence-report.pdf ! -path report/evidence-report.sha256 2>/dev/null)
[ -z "$EXTRA" ] || fail completeness "unexpected file in report/: $EXTRA"
# Timestamp proofs added later: plain names only (as the app's verifier and VERIFY.txt allow them).
EXTRA=$(find signatures ! -type d 2>/dev/null | grep -vxE 'signatures/(tagmanifest-sha512\\.txt\\.(sig|minisig)|evidence-report\\.(pdf|sha256)\\.sig|[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.(tsr|ots))')
[ -z "$EXTRA" ] || fail completeness "unexpected file in signatures/: $EXTRA"
TSP=$(find signatures -name '*.tsr' -o -name '*.ots' 2>/dev/null)
pass completeness "no unlisted files"
[ -z "$TSP" ] || echo "warn    timestamps: not checked (added after signing; their issuer's tools verify them): $TSP"

# The raw Ed25519 key: the last 32 bytes of both the minisign and the OpenSSH public key.
rawkey() { base64 -d 2>/dev/null | tail -c 32 | od -An -tx1 | tr -d ' \\n'; }
MKEY=$(sed -n 2p metadata/signer/minisign.pub | rawkey)
SKEY=$(cut -d' ' -f2 metadata/signer/id_ed25519.pub | rawkey)
if [ \${#MKEY} -eq 64 ] && [ \${#SKEY} -eq 64 ]; then
  [ "$MKEY" = "$SKEY" ] || fail minisign "metadata/signer/minisign.pub holds another key than metadata/signer/id_ed25519.pub"
else
  echo "skip    minisign key: this system's base64 cannot decode the keys to compare them"
fi
if have minisign; then
  if [ -f signatures/tagmanifest-sha512.txt.minisig ]; then
    OUT=$(minisign -Vm tagmanifest-sha512.txt -x signatures/tagmanifest-sha512.txt.minisig -p metadata/signer/minisign.pub 2>&1) ||
      fail minisign "minisign rejected signatures/tagmanifest-sha512.txt.minisig: $OUT"
    pass minisign "signature and trusted comment verified"
  else
    fail minisign "signatures/tagmanifest-sha512.txt.minisig is missing"
  fi
else
  echo "skip    minisign: not installed"
fi

# The report (made after signing: it prints the bundle id), its signature, and its binding to this
# bundle: report/evidence-report.sha256 names the report's SHA-256 and the bundle id, signed.
signed_by_signer() { # $1 signature, $2 signed file
  OUT=$(ssh-keygen -Y verify -f metadata/signer/allowed_signers -I "$PRINCIPAL" -n "$NAMESPACE" -s "$1" < "$2" 2>&1) ||
    fail report "ssh-keygen -Y verify rejected $1 over $2: $OUT"
  [ "\${OUT##* }" = "$KEYFP" ] || fail report "$2 signed by key \${OUT##* }, not by metadata/signer/id_ed25519.pub ($KEYFP)"
}
RFILES=""
for f in report/evidence-report.pdf report/evidence-report.sha256 signatures/evidence-report.pdf.sig signatures/evidence-report.sha256.sig; do
  [ -f "$f" ] && RFILES="$RFILES $f"
done
if grep -q '"report": null' metadata/provenance.json; then
  [ -z "$RFILES" ] || fail report "metadata/provenance.json says no report was made for this bundle, and$RFILES present (added after signing?)"
elif [ -f report/evidence-report.pdf ]; then
  [ -f signatures/evidence-report.pdf.sig ] || fail report "report/evidence-report.pdf has no signatures/evidence-report.pdf.sig"
  signed_by_signer signatures/evidence-report.pdf.sig report/evidence-report.pdf
  pass report "$OUT"
  [ -f report/evidence-report.sha256 ] && [ -f signatures/evidence-report.sha256.sig ] ||
    fail report "report/evidence-report.sha256 or signatures/evidence-report.sha256.sig is missing: nothing ties the report to this bundle"
  signed_by_signer signatures/evidence-report.sha256.sig report/evidence-report.sha256
  [ "$(listed 67 report/evidence-report.sha256)" = "$(printf 'report/evidence-report.pdf\ntagmanifest-sha512.txt')" ] ||
    fail report "report/evidence-report.sha256 must name report/evidence-report.pdf, then tagmanifest-sha512.txt"
  OUT=$($SHA256 -c --strict report/evidence-report.sha256 2>&1) ||
    fail report "the report is not this bundle's (report/evidence-report.sha256 names another report or another bundle id): $OUT"
  pass report "bound to this bundle by report/evidence-report.sha256 (signed)"
  # Signed inside too (reports since 2026-12-03), by a certificate naming the signer's SSH key: checked where pdfsig is installed.
  if grep -aq '/ByteRange' report/evidence-report.pdf && have pdfsig; then
    OUT=$(pdfsig report/evidence-report.pdf 2>&1)
    case "$OUT" in
      *"Total document signed"*"Signature is Valid."*) ;;
      *) fail report "pdfsig does not find the signature inside report/evidence-report.pdf valid over the whole file: $OUT" ;;
    esac
    case "$OUT" in
      *"SSH key $KEYFP"*) ;;
      *) fail report "report/evidence-report.pdf is signed inside by a certificate that does not name metadata/signer/id_ed25519.pub ($KEYFP): $OUT" ;;
    esac
    pass report "signed inside too: pdfsig finds its signature valid over the whole file, by the certificate naming $KEYFP"
  elif grep -aq '/ByteRange' report/evidence-report.pdf; then
    echo "skip    report: pdfsig (poppler-utils) not installed: the signature inside report/evidence-report.pdf was not checked; its SSH signature above was"
  fi
elif [ -n "$RFILES" ]; then
  fail report "$RFILES present but report/evidence-report.pdf is missing"
elif grep -q '"report": "report/evidence-report.pdf"' metadata/provenance.json; then
  fail report "metadata/provenance.json says the bundle holds report/evidence-report.pdf, and it is missing (removed after signing?)"
fi

ID=$($SHA256 tagmanifest-sha512.txt | cut -c 1-64)
if [ -n "\${UNCHECKED_SIGNER:-}" ]; then
  # Anyone can re-sign an edited bundle with a key of their own: without the expected fingerprint it is not verified.
  echo "NOT VERIFIED: intact and validly signed, but by an unchecked key ($UNCHECKED_SIGNER)." >&2
  echo "Compare it with the fingerprint received out of band, then run: sh verify.sh <that fingerprint>" >&2
  exit 3
fi
echo "ALL CHECKS PASSED. Bundle id (SHA-256 of tagmanifest-sha512.txt): $ID"
`;
}
