// The seeded PRNG lives in the core (pure, no I/O) so the sample-profile generator shares it.
export { mulberry32, type Random } from '../core/prng';
