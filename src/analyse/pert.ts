// PERT's normal approximation of finishing by a date (the mean and σ of each estimate are
// the language's: src/model/estimate.ts).

/** The standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** P(finish ≤ deadline) for a normally distributed finish. */
export function probabilityBy(deadline: number, mean: number, sigma: number): number {
  if (sigma <= 1e-12) return mean <= deadline + 1e-9 ? 1 : 0;
  return normalCdf((deadline - mean) / sigma);
}
