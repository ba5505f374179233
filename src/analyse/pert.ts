// PERT: the three-point mean (a + 4m + b) / 6 and σ = (b − a) / 6 of each estimate, and
// the normal approximation of finishing by a date.

export function pertMean(optimistic: number, likely: number, pessimistic: number): number {
  return (optimistic + 4 * likely + pessimistic) / 6;
}

export function pertSigma(optimistic: number, pessimistic: number): number {
  return (pessimistic - optimistic) / 6;
}

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
