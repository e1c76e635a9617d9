#!/usr/bin/env python3
"""Independent test vectors for src/core/identity (prepareIdentity).

Expected digests are computed here with Python's hashlib, NOT with the TypeScript under test.
Normalisation is written out per case (strip, lower, digit extraction) so each expectation can be
checked by eye. Every address is a synthetic example.com / example.org one; every UUID is random.
Usage: python3 test/vectors/make_identity_vectors.py > test/vectors/identity-vectors.json
"""
import hashlib
import json
import sys


def sha256(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()


cases = []


def ok(ns, inp, apply, value, note):
    cases.append({"namespace": ns, "input": inp, "applyTransformation": apply,
                  "expected": {"ok": True, "value": value}, "note": note})


def bad(ns, inp, apply, reason, note):
    cases.append({"namespace": ns, "input": inp, "applyTransformation": apply,
                  "expected": {"ok": False, "reason": reason}, "note": note})


# --- Email --------------------------------------------------------------------------------
s = "  Test@Example.COM "
ok("Email", s, True, sha256(s.strip().lower()), "pinterest-api.md section 9 example (973dfe46...)")
ok("Email", s, False, s.strip().lower(), "plain lowercase email is what Pinterest accepts")
for s, note in [
    ("user@example.com", "already normalised"),
    ("\tUser.Name+Tag@Example.ORG\n", "tab and newline around the value"),
    ("\u00a0jane.doe@example.com\u00a0", "non-breaking spaces around the value"),
    ("\u00c9lodie@Example.org", "unicode: precomposed E-acute, lowercased to e-acute"),
    ("E\u0301lodie@Example.org", "unicode: decomposed E + combining acute; no NFC normalisation"),
    ("J\u00dcRGEN.M\u00dcLLER@example.com", "unicode: U-umlaut lowercased"),
    ("\u7528\u6237@example.com", "unicode: CJK local part (no case)"),
]:
    ok("Email", s, True, sha256(s.strip().lower()), note)
ok("Email", "\u00c9lodie@Example.org", False, "\u00e9lodie@example.org", "unicode plain email")
bad("Email", "", True, "empty", "empty string")
bad("Email", " \t\n ", True, "empty", "whitespace only")
bad("Email", "user@@example.com", True, "invalid-email", "two @")
bad("Email", "user@example", True, "invalid-email", "domain without a dot")
bad("Email", "@example.com", True, "invalid-email", "empty local part")
bad("Email", "user@example..com", True, "invalid-email", "empty domain label")
bad("Email", "first last@example.com", True, "invalid-email", "space inside")
bad("Email", "user\t@example.com", False, "invalid-email", "tab inside")
bad("Email", "userexample.com", False, "invalid-email", "no @")
bad("Email", sha256("user@example.com"), True, "hashed-value-in-plain-namespace", "digest in the plain namespace")

# --- Email_LC_SHA256 ----------------------------------------------------------------------
h = sha256("user@example.com")
ok("Email_LC_SHA256", h, False, h, "pre-hashed, sent as is")
ok("Email_LC_SHA256", h, True, h, "pre-hashed is never hashed twice, even with the transformation")
ok("Email_LC_SHA256", "  " + h + "\t", False, h, "surrounding whitespace trimmed")
bad("Email_LC_SHA256", h.upper(), False, "uppercase-hex", "upper-case hex digest")
bad("Email_LC_SHA256", hashlib.md5(b"user@example.com").hexdigest(), False, "md5-not-sha256", "MD5 digest")
bad("Email_LC_SHA256", hashlib.sha1(b"user@example.com").hexdigest(), False, "sha1-not-sha256", "SHA-1 digest")
bad("Email_LC_SHA256", "user@example.com", True, "plain-email-in-hashed-namespace", "plain email")
bad("Email_LC_SHA256", h[:63], False, "not-sha256-hex", "63 hex characters")
bad("Email_LC_SHA256", "Email_LC_SHA256-gEOdj", False, "not-sha256-hex", "AEP sample-profile placeholder")
bad("Email_LC_SHA256", "", False, "empty", "empty string")

# --- GAID / IDFA --------------------------------------------------------------------------
s = "CDDA802E-FB9C-47AD-9866-0794D394C912"
ok("IDFA", s, True, sha256(s.strip().lower()), "pinterest-api.md section 9 example (f23b554b...)")
for ns, s, note in [
    ("GAID", "08b54163-f7b1-46b4-961d-716c4863485a", "random lowercase GAID"),
    ("GAID", "2D669EC9-1511-476B-8E4F-FDBE4D0915D7", "upper-case GAID lowercased before hashing"),
    ("IDFA", "ee43fa13-bb63-4bbf-a39f-ce949fe70305", "lowercase IDFA"),
    ("IDFA", "\t8D5CA1AA-A195-48C6-88D0-8EC5825B02EE \n", "tab/newline around an IDFA"),
]:
    ok(ns, s, True, sha256(s.strip().lower()), note)
d = sha256("08b54163-f7b1-46b4-961d-716c4863485a")
ok("GAID", d, True, d, "already hashed GAID is not hashed twice")
ok("IDFA", d, False, d, "already hashed IDFA accepted without the transformation")
bad("GAID", d.upper(), True, "uppercase-hex", "upper-case digest")
bad("GAID", "08b54163-f7b1-46b4-961d-716c4863485a", False, "device-id-must-be-hashed", "raw GAID without transformation")
bad("IDFA", "CDDA802E-FB9C-47AD-9866-0794D394C912", False, "device-id-must-be-hashed", "raw IDFA without transformation")
bad("IDFA", "00000000-0000-0000-0000-000000000000", True, "zeroed-device-id", "limit-ad-tracking zero IDFA")
bad("GAID", "00000000-0000-0000-0000-000000000000", False, "zeroed-device-id", "zero GAID, no transformation")
bad("GAID", "08b54163f7b146b4961d716c4863485a", True, "invalid-device-id", "UUID without hyphens")
bad("GAID", "gaid-adKYs", True, "invalid-device-id", "AEP sample-profile placeholder")
bad("IDFA", "ee43fa13-bb63-4bbf-a39f-ce949fe7030", True, "invalid-device-id", "one hex digit short")
bad("IDFA", "   ", True, "empty", "whitespace only")

# --- Phones -------------------------------------------------------------------------------
e164 = "+14155550100"
ok("Phone_E.164", e164, True, sha256(e164), "E.164 hashed with the + kept")
ok("Phone_E.164", " " + e164 + " ", False, e164, "E.164 plain, trimmed")
bad("Phone_E.164", "+1 415 555 0100", True, "invalid-phone-e164", "spaces inside")
bad("Phone_E.164", "14155550100", True, "invalid-phone-e164", "no +")
bad("Phone_E.164", "+0155550100", True, "invalid-phone-e164", "country code starts with 0")
s = "+1 (415) 555-0100"
digits = "".join(c for c in s if c.isdigit())
ok("Phone", s, True, sha256(digits), "symbols removed, digits hashed")
ok("Phone", s, False, digits, "symbols removed")
bad("Phone", "0151 2345678", True, "phone-leading-zero", "national format without country code")
bad("Phone", "415-CALL-NOW", True, "invalid-phone", "letters")
bad("Phone", "12345", True, "invalid-phone", "too short")
ok("Phone_SHA256", sha256("14155550100"), False, sha256("14155550100"), "pre-hashed digits")
bad("Phone_SHA256", "+14155550100", False, "plain-phone-in-hashed-namespace", "plain phone")
ok("Phone_SHA256_E.164", sha256(e164), True, sha256(e164), "pre-hashed E.164, not hashed twice")
bad("Phone_SHA256_E.164", sha256(e164).upper(), False, "uppercase-hex", "upper-case digest")

# --- Others -------------------------------------------------------------------------------
ecid = "12345678901234567890123456789012345678"
ok("ECID", ecid, False, ecid, "ECID passes through (Pinterest does not accept it: warning)")
ok("ECID", ecid, True, sha256(ecid.lower()), "ECID hashed with the transformation")
bad("email", "user@example.com", True, "unknown-namespace", "namespace codes are case-sensitive")
bad("CRMID", "abc", True, "unknown-namespace", "not in the catalogue")

json.dump({
    "generatedBy": "python3 test/vectors/make_identity_vectors.py > test/vectors/identity-vectors.json",
    "hash": "hashlib.sha256(value.encode('utf-8')).hexdigest()",
    "cases": cases,
}, sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\n")
