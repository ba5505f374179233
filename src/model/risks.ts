// Risk ratings, as the plan language defines them: probability × impact on the 3 × 4 grid
// (1 … 12), and the level the risk register and its matrix show (low, elevated, severe).
import { allRisks, type Impact, type Plan, type Probability, type Risk } from './plan.ts';

const PROBABILITY_SCORE: Readonly<Record<Probability, number>> = { low: 1, medium: 2, high: 3 };
const IMPACT_SCORE: Readonly<Record<Impact, number>> = { low: 1, medium: 2, high: 3, critical: 4 };

export type RiskLevel = 'low' | 'elevated' | 'severe';

export interface RiskRating {
  /** Probability (1–3) × impact (1–4). */
  score: number;
  level: RiskLevel;
}

/** Whether a risk is bad enough that the language asks for a mitigation (a `high` or `critical` impact). */
export function needsMitigation(risk: Pick<Risk, 'impact'>): boolean {
  return risk.impact === 'high' || risk.impact === 'critical';
}

/** Whether a risk has a mitigation written (not just white space). */
export function hasMitigation(risk: Pick<Risk, 'mitigation'>): boolean {
  return Boolean(risk.mitigation?.trim());
}

/** The rating of a cell of the grid (a risk's probability and impact). */
export function riskRating(probability: Probability, impact: Impact): RiskRating {
  const score = PROBABILITY_SCORE[probability] * IMPACT_SCORE[impact];
  return { score, level: score >= 8 ? 'severe' : score >= 4 ? 'elevated' : 'low' };
}

/** Every risk of a plan with its rating, in plan order (phase risks first, then plan-wide ones). */
export function rateRisks(plan: Plan): Map<Risk, RiskRating> {
  return new Map(allRisks(plan).map((risk) => [risk, riskRating(risk.probability, risk.impact)]));
}

/** The grid's rows, most likely first, and its columns, least impact first, as the risk register draws it. */
export const RISK_GRID: { readonly probabilities: readonly Probability[]; readonly impacts: readonly Impact[] } = {
  probabilities: ['high', 'medium', 'low'],
  impacts: ['low', 'medium', 'high', 'critical'],
};

/** The highest score a risk can have. */
export const MAX_RISK_SCORE = riskRating('high', 'critical').score;
