// Run-time access to Adobe's Destination Authoring API contract (contract/aep-authoring.json,
// generated from spec/adobe/destination-authoring.yaml by scripts/derive-aep-contract.mjs), with
// the same ajv checks the Pinterest simulator uses (../contract.ts).
import contractJson from '../contract/aep-authoring.json' with { type: 'json' };
import { contractChecks, type ContractLike, type ContractOperation } from '../contract';

export const aepContract = contractJson as unknown as ContractLike & {
  source: { repository: string; path: string; commit: string; version: string; sha256: string };
  servers: { url: string }[];
};

export const aepChecks = contractChecks(aepContract, 'aep-authoring');

/** Errors of a response body against Adobe's schema for that operation and status; empty when it conforms. */
export function aepResponseErrors(operationId: string, status: number, body: unknown): string[] {
  return aepChecks.responseErrors(operationId, status, body);
}

export interface AepRoute {
  op: ContractOperation;
  params: Record<string, string>;
}

const routes = Object.values(aepContract.operations).map((op) => {
  const names: string[] = [];
  const source = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}|\{([^}]+)\}/g, (_m, a: string, b: string) => {
    names.push(a ?? b);
    return '([^/]+)';
  });
  return { op, names, re: new RegExp(`^${source}/?$`) };
});

/** The operation for a method and a path below the API base, or what is wrong with them. */
export function matchAepRoute(method: string, path: string): { kind: 'operation'; route: AepRoute } | { kind: 'not-found' } | { kind: 'method-not-allowed'; allowed: string[] } {
  const allowed: string[] = [];
  // Literal paths first: `/destinations/publish` must not be read as `/destinations/{INSTANCE_ID}`.
  const candidates = routes.filter((r) => r.re.test(path)).sort((a, b) => a.names.length - b.names.length);
  for (const r of candidates) {
    if (r.op.method !== method) {
      allowed.push(r.op.method);
      continue;
    }
    const m = r.re.exec(path)!;
    const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
    return { kind: 'operation', route: { op: r.op, params } };
  }
  // A literal path matched with another method: the templated one must not answer for it.
  return allowed.length ? { kind: 'method-not-allowed', allowed: [...new Set(allowed)] } : { kind: 'not-found' };
}
