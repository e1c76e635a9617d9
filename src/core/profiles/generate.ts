/**
 * Sample profiles, generated offline in AEP's export shape: what Adobe's sample-profiles endpoint
 * returns (`GET /authoring/sample-profiles`, Adobe
 * help/destinations/destination-sdk/testing-api/streaming-destinations/sample-profile-generation-api.md):
 * per profile a `segmentMembership` (audience namespace → audience id → `{ lastQualificationTime,
 * status }`, status `realized` or `exited`) and an `identityMap` (namespace → `[{ id }]`), only
 * the identities and audiences "used in the destination instance" (here: the activation).
 *
 * Unlike Adobe's placeholders (`ECID-7VEsJ`, `gaid-adKYs`), identities in the catalogue are
 * well-formed values of their namespace, so the preview and the test activation accept every one:
 * emails at the RFC 2606 domains example.com and example.org (never real-looking people), device
 * ids random v4 UUIDs (GAID lower case, IDFA upper case as Apple devices report it), SHA-256
 * namespaces the hash of such a value, phones in the fictional 555-01XX range. Namespaces outside
 * the catalogue (custom ones, ECID) get Adobe's placeholder form `<namespace>-XXXXX`.
 *
 * Reproducible: everything comes from one seeded PRNG (core/prng.ts) and a fixed clock (`now`), so
 * a seed gives the same profiles byte for byte. Streaming: `generateSampleProfiles` is a generator,
 * one profile at a time, so a million profiles never sit in memory.
 *
 * Invalid values (not done by AEP, whose samples are always well-formed) are opt-in: a share of
 * identity values, per reject reason of core/identity/reasons.ts, replaced by a value that the
 * preview rejects with exactly that reason; `tally` counts what was injected.
 */
import { findNamespace, sha256Hex, sha256Lower, type RejectReason } from '../identity';
import { ZERO_UUID } from '../identity/formats';
import { mulberry32, type Random } from '../prng';
import { asObject, type Json } from '../project/project';

/** One generated profile, in the order Adobe's endpoint writes the keys. */
export interface SampleProfile {
  segmentMembership: Record<string, Record<string, { lastQualificationTime: string; status: 'realized' | 'exited' }>>;
  identityMap: Record<string, { id: string }[]>;
}

/** What to generate for: source namespaces and the audiences profiles belong to. */
export interface SampleProfileSpec {
  /** Identity namespace codes (case-sensitive), at least one. */
  namespaces: string[];
  /** Audiences (`namespace` is the audience namespace, e.g. `ups`), at least one. */
  audiences: { id: string; namespace: string }[];
}

export interface GenerateOptions {
  /** How many profiles. */
  count: number;
  /** PRNG seed (an integer; taken modulo 2^32). Default 1. */
  seed?: number;
  /** The moment of generation: qualification times fall in the 30 days before it. Default SAMPLE_EPOCH. */
  now?: Date;
  /**
   * Invalid identity values (not done by AEP). A number: that share (0..1) of every namespace's
   * values, spread evenly over the namespace's DEFAULT_INVALID_REASONS. Per reason: that share of
   * the values of each namespace the reason applies to. Default: none.
   */
  invalid?: number | Partial<Record<InjectableReason, number>>;
}

/** The fixed default clock, so that a seed alone decides the bytes. */
export const SAMPLE_EPOCH = new Date('2026-01-01T00:00:00.000Z');

/** Reasons a generated value can be made to fail with, whatever the mapping's transformation. */
export const INJECTABLE_REASONS = [
  'empty',
  'invalid-email',
  'hashed-value-in-plain-namespace',
  'uppercase-hex',
  'md5-not-sha256',
  'sha1-not-sha256',
  'not-sha256-hex',
  'plain-email-in-hashed-namespace',
  'plain-phone-in-hashed-namespace',
  'invalid-device-id',
  'zeroed-device-id',
  'invalid-phone-e164',
  'invalid-phone',
  'phone-leading-zero',
  'invalid-identifier',
] as const satisfies readonly RejectReason[];
export type InjectableReason = (typeof INJECTABLE_REASONS)[number];

/**
 * What `--invalid 0.1` spreads over: every injectable reason but the plain-text-in-a-hashed-namespace
 * ones, which the preview also reports as a governance error (AEP would export the raw value); they
 * are injected only when named.
 */
export const DEFAULT_INVALID_REASONS: readonly InjectableReason[] = INJECTABLE_REASONS.filter((r) => r !== 'plain-email-in-hashed-namespace' && r !== 'plain-phone-in-hashed-namespace');

/** The reasons a value of `namespace` can carry, in a fixed order. */
export function reasonsFor(namespace: string): readonly InjectableReason[] {
  const info = findNamespace(namespace);
  switch (info?.code) {
    case 'Email':
      return ['empty', 'invalid-email', 'hashed-value-in-plain-namespace'];
    case 'Email_LC_SHA256':
      return ['empty', 'uppercase-hex', 'md5-not-sha256', 'sha1-not-sha256', 'not-sha256-hex', 'plain-email-in-hashed-namespace'];
    case 'Phone_SHA256':
    case 'Phone_SHA256_E.164':
      return ['empty', 'uppercase-hex', 'md5-not-sha256', 'sha1-not-sha256', 'not-sha256-hex', 'plain-phone-in-hashed-namespace'];
    case 'GAID':
    case 'IDFA':
      return ['empty', 'uppercase-hex', 'invalid-device-id', 'zeroed-device-id'];
    case 'Phone_E.164':
      return ['empty', 'hashed-value-in-plain-namespace', 'invalid-phone-e164'];
    case 'Phone':
      return ['empty', 'hashed-value-in-plain-namespace', 'invalid-phone', 'phone-leading-zero'];
    case 'ECID':
      return ['empty', 'invalid-identifier'];
    default:
      // A namespace outside the catalogue is refused whatever its value (unknown-namespace).
      return [];
  }
}

/**
 * The spec of an activation: the sources of its mappings that the destination accepts for the
 * mapping's target (`acceptedGlobalNamespaces`, or any with `acceptsCustomNamespaces`), or, with
 * no mapping at all, every namespace the destination accepts; and the activated audiences.
 * Throws a one-sentence Error when nothing can be generated.
 */
export function sampleProfileSpec(destination: Json, mappings: readonly { source: string; target: string }[], audiences: readonly { id: string; namespace: string }[]): SampleProfileSpec {
  const targets = asObject(destination.identityNamespaces) ?? {};
  const accepts = (target: string, source: string): boolean => {
    const def = asObject(targets[target]);
    if (!def) return false;
    return Object.hasOwn(asObject(def.acceptedGlobalNamespaces) ?? {}, source) || (def.acceptsCustomNamespaces === true && !findNamespace(source));
  };
  const namespaces = mappings.length
    ? [...new Set(mappings.filter((m) => accepts(m.target, m.source)).map((m) => m.source))]
    : acceptedNamespaces(destination);
  if (!namespaces.length) {
    throw new Error(mappings.length
      ? 'No mapping of the activation takes an identity namespace the destination accepts (identityNamespaces.*.acceptedGlobalNamespaces), so there is nothing to generate; fix the mappings first (pindest validate names them).'
      : 'The destination accepts no identity namespace (identityNamespaces.*.acceptedGlobalNamespaces is empty), so there is nothing to generate.');
  }
  if (!audiences.length) throw new Error('The activation names no audiences (`audiences`), so the profiles would belong to none; add the audiences to activate first.');
  return { namespaces, audiences: audiences.map((a) => ({ id: a.id, namespace: a.namespace })) };
}

/** Every global namespace any target identity of the destination accepts, in file order. */
export function acceptedNamespaces(destination: Json): string[] {
  const out = new Set<string>();
  for (const def of Object.values(asObject(destination.identityNamespaces) ?? {})) {
    for (const ns of Object.keys(asObject(asObject(def)?.acceptedGlobalNamespaces) ?? {})) out.add(ns);
  }
  return [...out];
}

/**
 * For a destination configuration alone, in the source schema (what an instance of it would be
 * given, no activation to narrow it): its accepted namespaces, and the audiences given or Adobe's placeholders `segmentid1`..`segmentid3`
 * in `ups` (the ids its example response shows).
 */
export function sampleProfileSpecForDestination(destination: Json, audiences?: readonly { id: string; namespace: string }[]): SampleProfileSpec {
  return sampleProfileSpec(destination, [], audiences?.length ? audiences : placeholderAudiences());
}

/** The audience ids Adobe's example responses show. */
const placeholderAudiences = () => ['segmentid1', 'segmentid2', 'segmentid3'].map((id) => ({ id, namespace: 'ups' }));

/**
 * The default count as Adobe's endpoint has it: the destination's `maxUsersPerRequest` (best
 * effort aggregation), else 1.
 */
export function defaultSampleCount(destination: Json): number {
  const aggregation = asObject(destination.aggregation);
  const max = asObject(aggregation?.bestEffortAggregation)?.maxUsersPerRequest;
  return aggregation?.aggregationType !== 'CONFIGURABLE_AGGREGATION' && typeof max === 'number' && Number.isInteger(max) && max >= 1 ? max : 1;
}

/** Parses `0.1` (a share of every namespace's values) or `invalid-email=0.05,zeroed-device-id=0.02`. */
export function parseInvalidOption(text: string): { invalid?: GenerateOptions['invalid']; error?: string; unknown?: string } {
  const share = (s: string): number | undefined => {
    const n = Number(s);
    return s.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : undefined;
  };
  if (!text.includes('=')) {
    const n = share(text);
    if (n === undefined) return { error: `'${text}' is not a share between 0 and 1` };
    return { invalid: n };
  }
  const invalid: Partial<Record<InjectableReason, number>> = {};
  for (const part of text.split(',')) {
    const [name = '', value = ''] = part.split('=', 2).map((s) => s.trim());
    if (!(INJECTABLE_REASONS as readonly string[]).includes(name)) return { error: `'${name}' is not a reason the generator can inject`, unknown: name };
    const n = share(value);
    if (n === undefined) return { error: `the share of '${name}' must be between 0 and 1` };
    invalid[name as InjectableReason] = n;
  }
  return { invalid };
}

const DAY_MS = 86_400_000;
const WORDS = ['sample', 'test', 'demo', 'alpha', 'beta', 'delta', 'river', 'maple', 'orbit', 'cedar', 'pixel', 'harbor', 'falcon', 'meadow', 'comet', 'lumen'];
const DOMAINS = ['example.com', 'example.org'];
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Generates `options.count` profiles, one at a time. `tally` (when given) receives, per reason, the
 * number of identity values made invalid. Throws a one-sentence Error on a bad spec or option.
 */
export function* generateSampleProfiles(spec: SampleProfileSpec, options: GenerateOptions, tally?: Partial<Record<InjectableReason, number>>): Generator<SampleProfile> {
  const count = options.count;
  if (!Number.isInteger(count) || count < 0) throw new Error(`The count must be a whole number of profiles, not ${count}.`);
  if (!spec.namespaces.length) throw new Error('No identity namespace to generate.');
  if (!spec.audiences.length) throw new Error('No audience for the profiles to belong to.');
  const now = (options.now ?? SAMPLE_EPOCH).getTime();
  if (Number.isNaN(now)) throw new Error('The generation time is not a valid date.');
  const overall = typeof options.invalid === 'number' ? options.invalid : undefined;
  if (overall !== undefined && !(overall >= 0 && overall <= 1)) throw new Error('The share of invalid values must be between 0 and 1.');
  const invalid = typeof options.invalid === 'object' ? options.invalid : {};
  for (const [reason, share] of Object.entries(invalid)) {
    if (!(INJECTABLE_REASONS as readonly string[]).includes(reason)) throw new Error(`'${reason}' is not a reason the generator can inject.`);
    if (typeof share !== 'number' || !(share >= 0 && share <= 1)) throw new Error(`The share of '${reason}' must be between 0 and 1.`);
  }
  // Per namespace: its reasons with their shares, scaled down if they add up to more than 1.
  const plans = new Map(spec.namespaces.map((ns) => {
    const defaults = reasonsFor(ns).filter((r) => DEFAULT_INVALID_REASONS.includes(r));
    const reasons = overall !== undefined
      ? overall > 0 ? defaults.map((r) => ({ reason: r, share: overall / defaults.length })) : []
      : reasonsFor(ns).filter((r) => (invalid[r] ?? 0) > 0).map((r) => ({ reason: r, share: invalid[r]! }));
    const total = reasons.reduce((a, r) => a + r.share, 0);
    if (total > 1) for (const r of reasons) r.share /= total;
    return [ns, reasons] as const;
  }));

  const random = mulberry32(options.seed ?? 1);
  const g = new Values(random);
  for (let i = 0; i < count; i++) {
    const segmentMembership: SampleProfile['segmentMembership'] = {};
    // Always one audience, sometimes more; mostly realized, some exited (Adobe's two statuses).
    const first = g.int(spec.audiences.length);
    spec.audiences.forEach((a, k) => {
      if (k !== first && random() >= 0.3) return;
      const when = now - Math.floor(random() * 30 * DAY_MS);
      (segmentMembership[a.namespace] ??= {})[a.id] = { lastQualificationTime: g.timestamp(when), status: random() < 0.75 ? 'realized' : 'exited' };
    });

    // One to three namespaces (all of them when fewer), sometimes two values in one.
    const wanted = Math.min(spec.namespaces.length, random() < 0.5 ? 1 : random() < 0.7 ? 2 : 3);
    const chosen = g.pick(spec.namespaces, wanted);
    const identityMap: SampleProfile['identityMap'] = {};
    let email: string | undefined;
    let valid = 0;
    const injected: InjectableReason[] = [];
    for (const ns of chosen) {
      const n = random() < 0.15 ? 2 : 1;
      const ids: { id: string }[] = [];
      for (let k = 0; k < n; k++) {
        const reason = drawReason(random, plans.get(ns)!);
        if (reason) {
          ids.push({ id: g.invalid(ns, reason) });
          injected.push(reason);
        } else {
          // A profile with both email namespaces often carries the same address twice, as AEP profiles do.
          const value = findNamespace(ns)?.code === 'Email_LC_SHA256' && email && random() < 0.5 ? sha256Lower(email) : g.valid(ns);
          if (findNamespace(ns)?.code === 'Email') email ??= value;
          ids.push({ id: value });
          valid++;
        }
      }
      identityMap[ns] = ids;
    }
    // Every profile keeps one identity the preview accepts, so only the injected values are rejected.
    if (valid === 0) {
      const ns = spec.namespaces[g.int(spec.namespaces.length)]!;
      (identityMap[ns] ??= []).push({ id: g.valid(ns) });
    }
    if (tally) for (const r of injected) tally[r] = (tally[r] ?? 0) + 1;
    yield { segmentMembership, identityMap };
  }
}

function drawReason(random: Random, reasons: readonly { reason: InjectableReason; share: number }[]): InjectableReason | undefined {
  if (!reasons.length) return undefined;
  let r = random();
  for (const x of reasons) {
    if (r < x.share) return x.reason;
    r -= x.share;
  }
  return undefined;
}

/** Value makers over one PRNG. */
class Values {
  constructor(private readonly random: Random) {}

  int(n: number): number {
    return Math.floor(this.random() * n);
  }

  /** `k` distinct items, in the list's order. */
  pick<T>(items: readonly T[], k: number): T[] {
    const left = items.map((_, i) => i);
    const out: number[] = [];
    while (out.length < k) out.push(left.splice(this.int(left.length), 1)[0]!);
    return out.sort((a, b) => a - b).map((i) => items[i]!);
  }

  hex(n: number): string {
    let s = '';
    while (s.length < n) s += (Math.floor(this.random() * 0x1_0000_0000) >>> 0).toString(16).padStart(8, '0');
    return s.slice(0, n);
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }

  /** A random version-4 UUID (never the all-zero one). */
  uuid(): string {
    const h = this.hex(32);
    const variant = '89ab'[this.int(4)]!;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** `sample.orbit4821@example.com`, sometimes with capitals (AEP lowercases before use). */
  email(): string {
    const a = WORDS[this.int(WORDS.length)]!;
    const b = WORDS[this.int(WORDS.length)]!;
    const n = this.int(1_000_000);
    const forms = [`${a}.${b}${n}`, `${a}${n}`, `${a}_${b}.${n}`, `${a}+${b}${n}`];
    let local = forms[this.int(forms.length)]!;
    let domain = DOMAINS[this.int(DOMAINS.length)]!;
    if (this.random() < 0.2) {
      local = local[0]!.toUpperCase() + local.slice(1);
      domain = domain[0]!.toUpperCase() + domain.slice(1);
    }
    return `${local}@${domain}`;
  }

  /** A fictional North American number (555-0100 to 555-0199), E.164. */
  phoneE164(): string {
    return `+1${2 + this.int(8)}${this.digits(2)}55501${this.digits(2)}`;
  }

  /** Adobe's placeholder form for namespaces without a known format: `ECID-7VEsJ`. */
  placeholder(ns: string): string {
    let s = '';
    for (let i = 0; i < 5; i++) s += ALNUM[this.int(ALNUM.length)];
    return `${ns}-${s}`;
  }

  /** ISO-8601 with microseconds, as Adobe's samples write `lastQualificationTime`. */
  timestamp(ms: number): string {
    return `${new Date(ms).toISOString().slice(0, -1)}${this.digits(3)}Z`;
  }

  valid(ns: string): string {
    switch (findNamespace(ns)?.code) {
      case 'Email':
        return this.email();
      case 'Email_LC_SHA256':
        return sha256Lower(this.email());
      case 'GAID':
        return this.uuid();
      case 'IDFA':
        return this.uuid().toUpperCase();
      case 'Phone_E.164':
        return this.phoneE164();
      case 'Phone': {
        const e = this.phoneE164();
        return `+1 (${e.slice(2, 5)}) ${e.slice(5, 8)}-${e.slice(8)}`;
      }
      case 'Phone_SHA256':
        return sha256Hex(this.phoneE164().slice(1));
      case 'Phone_SHA256_E.164':
        return sha256Hex(this.phoneE164());
      default:
        return this.placeholder(ns);
    }
  }

  /** A value of `ns` that core/identity/prepare.ts rejects with `reason` (reasonsFor(ns) lists which). */
  invalid(ns: string, reason: InjectableReason): string {
    switch (reason) {
      case 'empty':
        return '';
      case 'invalid-email':
        return this.email().replace('@', '.at.');
      case 'hashed-value-in-plain-namespace':
        return this.hex(64);
      case 'uppercase-hex':
        return this.hex(64).toUpperCase().replace(/^[0-9]/, 'A');
      case 'md5-not-sha256':
        return this.hex(32);
      case 'sha1-not-sha256':
        return this.hex(40);
      case 'not-sha256-hex':
        return this.hex(63);
      case 'plain-email-in-hashed-namespace':
        return this.email().toLowerCase();
      case 'plain-phone-in-hashed-namespace':
        return this.phoneE164();
      case 'invalid-device-id':
        return this.uuid().slice(0, 23);
      case 'zeroed-device-id':
        return ZERO_UUID;
      case 'invalid-phone-e164':
        return this.phoneE164().slice(1);
      case 'invalid-phone':
        return `+1 555-01${this.digits(1)}X`;
      case 'phone-leading-zero':
        return `0${this.digits(3)} 555 01${this.digits(2)}`;
      case 'invalid-identifier':
        return `${this.placeholder(ns)} ${this.placeholder(ns)}`;
    }
  }
}


/**
 * The profiles as file text, in blocks of about `blockChars` characters, for a writer that waits
 * between blocks: JSON Lines (compact, one profile per line) or a JSON array (two-space indent,
 * like the examples' profiles.json).
 */
export function* sampleProfileText(profiles: Iterable<SampleProfile>, format: 'jsonl' | 'json', blockChars = 256 * 1024): Generator<string> {
  let block = format === 'json' ? '[' : '';
  let first = true;
  for (const p of profiles) {
    if (format === 'jsonl') block += JSON.stringify(p) + '\n';
    else block += (first ? '\n  ' : ',\n  ') + JSON.stringify(p, null, 2).replace(/\n/g, '\n  ');
    first = false;
    if (block.length >= blockChars) {
      yield block;
      block = '';
    }
  }
  if (format === 'json') block += first ? ']\n' : '\n]\n';
  if (block) yield block;
}
