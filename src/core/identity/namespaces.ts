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
import { suggest } from '../text/suggest';

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
 * The namespace a mistyped code most likely meant, for a "did you mean" message, or undefined: an
 * exact code gets none; otherwise the product's one did-you-mean (core/text/suggest.ts: case, then
 * separators, then a near miss), so `email`, `EmailLCSHA256` and `Emial` find theirs.
 */
export function suggestNamespace(code: string): NamespaceInfo | undefined {
  if (BY_CODE.has(code)) return undefined;
  const best = suggest(code, CATALOGUE.map((n) => n.code));
  return best === undefined ? undefined : BY_CODE.get(best);
}
