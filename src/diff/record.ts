/**
 * A saved JSON result (one plan or several) read back as plain records, the
 * shape `plancheck diff` compares. Pure: takes the parsed JSON.
 */
export interface TargetRecord {
  readonly year: number;
  readonly comparison: string;
  readonly value?: string;
  readonly range?: readonly string[];
  readonly text?: string;
}

export interface ResultRecord {
  readonly id: string;
  readonly kind: 'target' | 'rule';
  readonly name: string;
  readonly attribute: string;
  readonly status: string;
  readonly unit: string;
  readonly direction: 'higher' | 'lower' | null;
  readonly actual: { readonly value: string; readonly period: string } | null;
  readonly targets: readonly TargetRecord[] | null;
  readonly expression: string | null;
  readonly margin: string | null;
}

export interface PlanRecord {
  readonly id: string;
  readonly title: string;
  readonly sha256: string;
  readonly period: string;
  readonly results: readonly ResultRecord[];
}

interface JsonPlanRecord {
  plan: { id: string; title: string; sha256: string };
  period: string;
  results: (Omit<ResultRecord, 'expression'> & { expected: { expression?: string } | null })[];
}

/** Both shapes of the result JSON: one plan at the top, or `plans[]`. */
export function readResultJson(doc: unknown): PlanRecord[] {
  const d = doc as { plans?: JsonPlanRecord[] } & Partial<JsonPlanRecord>;
  const records: JsonPlanRecord[] = Array.isArray(d.plans) ? d.plans : [d as JsonPlanRecord];
  return records.map((p) => ({
    id: p.plan.id,
    title: p.plan.title,
    sha256: p.plan.sha256,
    period: p.period,
    results: p.results.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      attribute: r.attribute,
      status: r.status,
      unit: r.unit,
      direction: r.direction,
      actual: r.actual,
      targets: r.targets,
      expression: r.expected?.expression ?? null,
      margin: r.margin,
    })),
  }));
}
