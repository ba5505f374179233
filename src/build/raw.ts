// The shape of a plan document as the schema admits it (before defaults and resolution).
// build.ts only ever sees values that passed validation against the schema.
import type { DependencyType, Impact, PlanKind, PlanStatus, Probability, Size, TaskStatus, Weekday } from '../model/plan.ts';

type DurationText = number | string;

export interface RawDependency {
  id: string;
  type?: DependencyType;
  lag?: DurationText;
}

export interface RawRollback {
  trigger?: string;
  steps?: string[];
  dataRecovery?: string;
  owner?: string;
  duration?: DurationText;
}

export interface RawTask {
  id: string;
  title: string;
  description?: string;
  owner?: string;
  effort?: Size;
  duration?: DurationText;
  estimate?: { optimistic: DurationText; likely: DurationText; pessimistic: DurationText };
  dependsOn?: Array<string | RawDependency>;
  status?: TaskStatus;
  reversible?: boolean;
  recovery?: string | { steps: string[]; dataRecovery?: string };
  rollback?: RawRollback;
  touches?: string[];
  acceptance?: string[];
}

export interface RawRisk {
  id: string;
  risk: string;
  description?: string;
  category?: string;
  probability: Probability;
  impact: Impact;
  mitigation?: string;
  contingency?: string;
  owner?: string;
}

export interface RawVerification {
  id: string;
  title: string;
  description?: string;
  run?: string;
  expect?: string;
}

export interface RawPhase {
  id: string;
  title: string;
  summary?: string;
  owner?: string;
  dependsOn?: Array<string | RawDependency>;
  tasks: RawTask[];
  deliverables?: string[];
  risks?: RawRisk[];
  verification?: RawVerification[];
  rollback?: RawRollback;
}

export interface RawDiagram {
  id: string;
  title: string;
  description?: string;
  direction?: 'LR' | 'RL' | 'TB' | 'BT';
  groups?: Array<{ id: string; label: string; parent?: string }>;
  nodes: Array<{ id: string; label: string; kind?: 'service' | 'store' | 'queue' | 'client' | 'external' | 'function'; group?: string; change?: 'unchanged' | 'new' | 'changed' | 'removed' }>;
  edges?: Array<{ from: string; to: string; label?: string; style?: 'sync' | 'async' | 'data' }>;
}

export interface RawPlan {
  id?: string;
  title: string;
  kind?: PlanKind;
  status?: PlanStatus;
  owner?: string;
  start?: string;
  calendar?: { workdays?: Weekday[]; holidays?: string[] };
  estimates?: Partial<Record<Size, DurationText>>;
  capacity?: Record<string, number>;
  summary?: string;
  goals?: string[];
  nonGoals?: string[];
  constraints?: string[];
  assumptions?: string[];
  questions?: string[];
  successCriteria?: Array<{ id: string; text: string; verifiedBy?: string[] }>;
  decisions?: Array<{
    id: string;
    title: string;
    status?: 'proposed' | 'accepted' | 'rejected' | 'superseded' | 'deprecated';
    date?: string;
    context?: string;
    decision: string;
    alternatives?: Array<{ option: string; rejectedBecause?: string }>;
    consequences?: string[];
    supersedes?: string;
  }>;
  phases: RawPhase[];
  milestones?: Array<{ id: string; title: string; after: string[]; due?: string }>;
  risks?: RawRisk[];
  verification?: RawVerification[];
  rollback?: RawRollback;
  rollout?: {
    strategy?: string;
    flag?: string;
    after?: string[];
    stages: Array<{
      id: string;
      title: string;
      audience?: string;
      percent?: number;
      duration?: DurationText;
      rollbackTrigger?: string;
      exitCriteria?: string[];
    }>;
    rollback?: RawRollback;
  };
  monitoring?: {
    alerts?: Array<{ name: string; condition: string; severity?: string; notify?: string }>;
    dashboards?: Array<{ title: string; url?: string }>;
  };
  dependencies?: {
    internal?: Array<{ name: string; owner?: string; status?: string }>;
    external?: Array<{ name: string; version?: string; purpose?: string }>;
  };
  architecture?: RawDiagram[];
  migration?: {
    overview?: Array<{ aspect: string; current: string; target: string }>;
    strategy?: string;
    data?: { strategy: string; steps: string[]; validation?: string[] };
  };
  tags?: string[];
}
