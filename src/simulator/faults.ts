// Fault injection on demand, reproducible with a seed, so clients can be tested against the
// failures Pinterest (and the network in between) actually produce: 429 storms, 5xx, latency,
// dropped connections, truncated bodies, tokens expiring mid-run.
//
// Grammar (comma-separated, each kind at most once, whitespace ignored):
//   spec    := entry ("," entry)*
//   entry   := ("429" | "500" | "502" | "503" | "drop" | "truncate" | "expire") ":" probability
//            | "latency" ":" ms ["-" ms]
//   probability is a decimal in [0, 1]; the outcome probabilities must sum to at most 1.
//   e.g. "429:0.05,500:0.02,502:0.01,503:0.01,latency:50-200,drop:0.01,truncate:0.01,expire:0.01"
//
// Each request that matches an operation draws exactly two numbers from the seeded PRNG (one for
// the outcome, one for the latency), in arrival order, so the same seed and the same request
// sequence give the same faults. Faults are decided BEFORE the request takes effect: a faulted
// write is never applied (a truncated response is rendered from a throw-away copy of the state),
// so a client's retry is always safe and the customer-list counters stay exact.
import { mulberry32, type Random } from './prng';

export type OutcomeFault = '429' | '500' | '502' | '503' | 'drop' | 'truncate' | 'expire';
export const OUTCOME_FAULTS: readonly OutcomeFault[] = ['429', '500', '502', '503', 'drop', 'truncate', 'expire'];

export interface FaultSpec {
  probabilities: Partial<Record<OutcomeFault, number>>;
  latency: { min: number; max: number } | null;
}

export interface FaultDecision {
  fault: OutcomeFault | null;
  latencyMs: number;
}

export class FaultSpecError extends Error {}

export function parseFaultSpec(text: string): FaultSpec {
  const spec: FaultSpec = { probabilities: {}, latency: null };
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const entry = raw.replace(/\s+/g, '');
    if (entry === '') continue;
    const m = /^([a-z0-9]+):(.+)$/.exec(entry);
    if (!m) throw new FaultSpecError(`fault entry "${entry}" is not KIND:VALUE`);
    const [, kind, value] = m as unknown as [string, string, string];
    if (seen.has(kind)) throw new FaultSpecError(`fault kind "${kind}" is given twice`);
    seen.add(kind);
    if (kind === 'latency') {
      const lm = /^(\d+)(?:-(\d+))?$/.exec(value);
      if (!lm) throw new FaultSpecError(`latency "${value}" is not MS or MIN-MAX in milliseconds`);
      const min = Number(lm[1]);
      const max = lm[2] === undefined ? min : Number(lm[2]);
      if (max < min) throw new FaultSpecError(`latency range "${value}" has MAX below MIN`);
      spec.latency = { min, max };
    } else if ((OUTCOME_FAULTS as readonly string[]).includes(kind)) {
      if (!/^(?:0|1|0?\.\d+|1\.0*)$/.test(value)) throw new FaultSpecError(`probability "${value}" for ${kind} is not a number in [0, 1]`);
      spec.probabilities[kind as OutcomeFault] = Number(value);
    } else {
      throw new FaultSpecError(`unknown fault kind "${kind}" (known: ${[...OUTCOME_FAULTS, 'latency'].join(', ')})`);
    }
  }
  const total = Object.values(spec.probabilities).reduce((a, b) => a + b, 0);
  if (total > 1 + 1e-9) throw new FaultSpecError(`fault probabilities sum to ${total}, more than 1`);
  return spec;
}

export class FaultInjector {
  private readonly random: Random;

  constructor(
    readonly spec: FaultSpec,
    seed: number,
  ) {
    this.random = mulberry32(seed);
  }

  decide(): FaultDecision {
    const r = this.random();
    const l = this.random();
    let fault: OutcomeFault | null = null;
    let edge = 0;
    for (const kind of OUTCOME_FAULTS) {
      edge += this.spec.probabilities[kind] ?? 0;
      if (r < edge) {
        fault = kind;
        break;
      }
    }
    const lat = this.spec.latency;
    const latencyMs = lat ? Math.round(lat.min + l * (lat.max - lat.min)) : 0;
    return { fault, latencyMs };
  }
}
