/**
 * The counts preview and push both print, computed the same way from the plan and worded the same,
 * so the two agree: identities mapped / rejected, membership requests (the calls AEP sends) and the
 * identity records they carry (one identity goes once per audience it belongs to).
 */
import type { Plan } from '../plan/types';
import { english, msg, type Translate } from '../report/l10n';

export interface PlanSummary {
  profiles: number;
  exported: number;
  identities: { mapped: number; rejected: number; notMapped: number };
  /** The destination server's requests: what AEP sends. */
  membershipRequests: number;
  /** Identity values across the membership requests. */
  records: number;
  /** Audiences whose list the audience template would create (no id in the activation). */
  listCreates: number;
}

export function planSummary(plan: Plan): PlanSummary {
  const outcome = (o: string) => plan.rows.filter((r) => r.outcome === o).length;
  let records = 0;
  for (const r of plan.requests) for (const p of plan.batches[r.batch]!.profiles) for (const ids of Object.values(p.identityMap)) records += ids.length;
  return {
    profiles: plan.counts.profiles,
    exported: plan.counts.exported,
    identities: { mapped: outcome('sent'), rejected: outcome('rejected'), notMapped: outcome('not-mapped') },
    membershipRequests: plan.requests.length,
    records,
    listCreates: plan.creations.length,
  };
}

export function identitiesLine(s: PlanSummary, tr: Translate = english): string {
  return tr('Identities: {0} mapped, {1} rejected, {2} not mapped ({3} profiles, {4} exported)', s.identities.mapped, s.identities.rejected, s.identities.notMapped, s.profiles, s.exported);
}

export function membershipLine(s: PlanSummary, tr: Translate = english): string {
  return tr('Membership requests (sent by AEP): {0}, carrying {1} identity records (an identity counts once per audience it is sent to)', s.membershipRequests, s.records);
}

/** What Pinterest needs before ads can target a customer list; no file of the destination does it. */
export const CUSTOMER_LIST_AUDIENCE_NOTE = msg(
  'Before ads can target a list, Pinterest needs a CUSTOMER_LIST audience built on it: AEP does not create one. Create it in Ads Manager (Audiences > Create audience > Customer list) or with POST /ad_accounts/{ad_account_id}/audiences; `pindest push --create-audience` does it for a test (not done by AEP).',
);
