/**
 * The AEP identity namespaces this product knows about, as data.
 *
 * Why a catalogue: namespace codes are case-sensitive symbols in AEP (`Email_LC_SHA256`, not
 * `email_lc_sha256`), and every front end needs the same facts about them: completion and hover in
 * the editor, the "did you mean" of the validator, and the planner's choice of Pinterest
 * `list_type`. Keeping them in one table stops those from drifting apart.
 *
 * Sources: Adobe help/destinations/catalog/advertising/pinterest.md, help/identity-service/features/namespaces.md
 * (codes, formats); Pinterest OpenAPI v5 `CustomerListRequest.list_type`
 * (which list_type each identity feeds). Pinterest's AEP destination accepts exactly Email,
 * Email_LC_SHA256, GAID and IDFA; the phone namespaces and ECID are listed so that a user who maps
 * them gets a precise "not accepted by Pinterest" rather than "unknown namespace".
 */

export type NamespaceKind = 'email' | 'device' | 'phone' | 'other';

/** Pinterest customer-list `list_type` values this destination can feed. */
export type PinterestListType = 'EMAIL' | 'MAID' | 'IDFA';

export interface NamespaceInfo {
  /** The exact, case-sensitive AEP identity symbol. */
  code: string;
  /** The name AEP's UI shows. */
  displayName: string;
  kind: NamespaceKind;
  /** True when values in this namespace are already SHA-256 hex digests at ingestion. */
  hashed: boolean;
  /** The Pinterest `list_type` these values feed, or null when Pinterest does not accept them. */
  pinterestListType: PinterestListType | null;
  /** Short markdown for hovers and completion details. */
  description: string;
}

const CATALOGUE: readonly NamespaceInfo[] = [
  {
    code: 'Email',
    displayName: 'Email',
    kind: 'email',
    hashed: false,
    pinterestListType: 'EMAIL',
    description:
      'Plain email address. Trimmed and lowercased before use; with **Apply transformation** it is ' +
      'sent as `sha256(lower($))` (64 lowercase hex), otherwise as the lowercase address, which ' +
      "Pinterest also accepts. Feeds Pinterest `list_type` **EMAIL**.",
  },
  {
    code: 'Email_LC_SHA256',
    displayName: 'Emails (SHA256, lowercased)',
    kind: 'email',
    hashed: true,
    pinterestListType: 'EMAIL',
    description:
      'Email already hashed at ingestion: SHA-256 of the trimmed, lowercased address, as **64 ' +
      'lowercase hex** characters, no salt. Sent unchanged (never hashed twice). Feeds Pinterest ' +
      '`list_type` **EMAIL**.',
  },
  {
    code: 'GAID',
    displayName: 'Google Ad ID (GAID)',
    kind: 'device',
    hashed: false,
    pinterestListType: 'MAID',
    description:
      'Android advertising ID, a UUID `8-4-4-4-12`. Pinterest requires mobile ad IDs to be hashed, ' +
      'so map it with **Apply transformation**: the lowercase UUID is sent as SHA-256 hex. Feeds ' +
      'Pinterest `list_type` **MAID**.',
  },
  {
    code: 'IDFA',
    displayName: 'Apple IDFA',
    kind: 'device',
    hashed: false,
    pinterestListType: 'IDFA',
    description:
      "Apple's identifier for advertisers, a UUID `8-4-4-4-12` (upper case on Apple devices). " +
      'Pinterest requires it hashed, so map it with **Apply transformation**: the lowercase UUID is ' +
      'sent as SHA-256 hex. Feeds Pinterest `list_type` **IDFA**.',
  },
  {
    code: 'Phone',
    displayName: 'Phone',
    kind: 'phone',
    hashed: false,
    pinterestListType: null,
    description:
      'Raw phone number. Normalised to digits with country code (symbols removed, no leading ' +
      "zero). **Not accepted by Pinterest's customer-list destination.**",
  },
  {
    code: 'Phone_E.164',
    displayName: 'Phone (E.164)',
    kind: 'phone',
    hashed: false,
    pinterestListType: null,
    description:
      "Phone number in E.164 form, `+<country><number>` (e.g. `+14155550100`). **Not accepted by " +
      "Pinterest's customer-list destination.**",
  },
  {
    code: 'Phone_SHA256',
    displayName: 'Phone (SHA256)',
    kind: 'phone',
    hashed: true,
    pinterestListType: null,
    description:
      'SHA-256 (64 lowercase hex) of the digits-only number with country code, no symbols, letters ' +
      "or leading zeros. **Not accepted by Pinterest's customer-list destination.**",
  },
  {
    code: 'Phone_SHA256_E.164',
    displayName: 'Phone (SHA256_E.164)',
    kind: 'phone',
    hashed: true,
    pinterestListType: null,
    description:
      "SHA-256 (64 lowercase hex) of the E.164 number. **Not accepted by Pinterest's customer-list " +
      'destination.**',
  },
  {
    code: 'ECID',
    displayName: 'Experience Cloud ID (ECID)',
    kind: 'other',
    hashed: false,
    pinterestListType: null,
    description:
      "Adobe's Experience Cloud ID, a first-party cookie identifier. **Not accepted by Pinterest's " +
      'customer-list destination**: map Email, Email_LC_SHA256, GAID or IDFA instead.',
  },
];

const BY_CODE = new Map(CATALOGUE.map((n) => [n.code, n]));

/** Every namespace in the catalogue, in display order. */
export function listNamespaces(): readonly NamespaceInfo[] {
  return CATALOGUE;
}

/** The namespaces Pinterest's customer-list destination accepts (those with a list_type). */
export function pinterestNamespaces(): readonly NamespaceInfo[] {
  return CATALOGUE.filter((n) => n.pinterestListType !== null);
}

/** Exact, case-sensitive lookup, as AEP does it. */
export function findNamespace(code: string): NamespaceInfo | undefined {
  return BY_CODE.get(code);
}

/**
 * The namespace a mistyped code most likely meant, for a "did you mean" message, or undefined.
 *
 * Order of evidence: an exact code gets no suggestion; a case-insensitive match wins (the most
 * common mistake: `email`, `PHONE_E.164`, `idfa`); then a match ignoring case and the separators
 * `_ . -` and spaces (`EmailLCSHA256`, `phone e164`); then the closest code by edit distance on
 * the lowercased forms, accepted only when the distance is at most 2 and under a third of the
 * code's length, so unrelated names (`CRMID`, `firstName`) get no suggestion.
 */
export function suggestNamespace(code: string): NamespaceInfo | undefined {
  if (BY_CODE.has(code)) return undefined;
  const lower = code.trim().toLowerCase();
  if (lower === '') return undefined;
  const byCase = CATALOGUE.find((n) => n.code.toLowerCase() === lower);
  if (byCase) return byCase;
  const squash = (s: string): string => s.toLowerCase().replace(/[\s_.-]+/g, '');
  const squashed = squash(code);
  const bySeparators = CATALOGUE.find((n) => squash(n.code) === squashed);
  if (bySeparators) return bySeparators;
  let best: NamespaceInfo | undefined;
  let bestDistance = Infinity;
  for (const n of CATALOGUE) {
    const d = editDistance(lower, n.code.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = n;
    }
  }
  if (best && bestDistance <= 2 && bestDistance * 3 < best.code.length) return best;
  return undefined;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition, so `Emial` is one
 * edit from `Email`). Inputs are short codes, so the full table is fine.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}
