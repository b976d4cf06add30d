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
  /** the plan's id, or for one region of a standards plan `guangdong/441500` */
  readonly id: string;
  /** for one region of a standards plan: the region, which a diff names */
  readonly region?: { readonly code: string; readonly name: string };
  readonly title: string;
  readonly sha256: string;
  readonly period: string;
  readonly results: readonly ResultRecord[];
}

interface JsonPlanRecord {
  plan: { id: string; title: string; sha256: string; region?: { code: string; name: string } };
  /** a standards plan's record for one region in scope (each) or its whole */
  part?: 'each' | 'whole';
  period: string;
  results: (Omit<ResultRecord, 'expression'> & { expected: { expression?: string } | null })[];
}

/** Both shapes of the result JSON: one plan at the top, or `plans[]`. */
export function readResultJson(doc: unknown): PlanRecord[] {
  const d = doc as { plans?: JsonPlanRecord[] } & Partial<JsonPlanRecord>;
  const records: JsonPlanRecord[] = Array.isArray(d.plans) ? d.plans : [d as JsonPlanRecord];
  return records.map((p) => ({
    // a standards plan has a record per region: `guangdong/441500`, titled with the region's name
    id: p.part === undefined || p.plan.region === undefined ? p.plan.id : `${p.plan.id}/${p.plan.region.code}`,
    title: p.part === undefined || p.plan.region === undefined ? p.plan.title : `${p.plan.title} — ${p.plan.region.name}`,
    ...(p.part === undefined || p.plan.region === undefined ? {} : { region: { code: p.plan.region.code, name: p.plan.region.name } }),
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
