// Three-point estimates as the plan language reads them: the schedule uses the PERT mean
// (a + 4m + b) / 6, and σ = (b − a) / 6 measures the uncertainty.

export function pertMean(optimistic: number, likely: number, pessimistic: number): number {
  return (optimistic + 4 * likely + pessimistic) / 6;
}

export function pertSigma(optimistic: number, pessimistic: number): number {
  return (pessimistic - optimistic) / 6;
}
