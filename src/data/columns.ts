/** The CSV header: which column is which, in English or Chinese. */
/** `seq` is a row number (序号) and `category` a grouping (类别): recognised, and not read. */
export type Column = 'indicator' | 'value' | 'period' | 'region' | 'unit' | 'note' | 'seq' | 'category';

/** Columns recognised in a header and not read. */
export const NOT_READ: ReadonlySet<Column> = new Set<Column>(['seq', 'category']);

const SYNONYMS: Readonly<Record<string, Column>> = {
  indicator: 'indicator',
  indicator_id: 'indicator',
  id: 'indicator',
  name: 'indicator',
  指标: 'indicator',
  指标名称: 'indicator',
  指标id: 'indicator',
  value: 'value',
  数值: 'value',
  值: 'value',
  指标值: 'value',
  period: 'period',
  year: 'period',
  期间: 'period',
  年份: 'period',
  年度: 'period',
  时间: 'period',
  region: 'region',
  地区: 'region',
  区域: 'region',
  行政区划: 'region',
  unit: 'unit',
  单位: 'unit',
  计量单位: 'unit',
  units: 'unit',
  序号: 'seq',
  编号: 'seq',
  no: 'seq',
  'no.': 'seq',
  类别: 'category',
  分类: 'category',
  指标类别: 'category',
  领域: 'category',
  category: 'category',
  note: 'note',
  notes: 'note',
  备注: 'note',
  说明: 'note',
};

export const REQUIRED_COLUMNS: readonly Column[] = ['indicator', 'value'];

export function columnFor(header: string): Column | undefined {
  const key = header.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return SYNONYMS[key];
}

/** `数值（万元）`, `value (人)`, `value [%]`: a column name, then a unit in brackets. */
export const WITH_UNIT = /^(.*?)[([]([^()[\]]+)[)\]]$/;

/**
 * A header cell → its column, and the unit written in brackets after the
 * name where there is one (`数值（人）` → value, 人). The unit is kept only
 * for the value column; elsewhere the brackets are part of the name.
 */
export function readHeaderCell(header: string): { column: Column; unit?: string } | undefined {
  const plain = columnFor(header);
  if (plain !== undefined) return { column: plain };
  const m = WITH_UNIT.exec(header.normalize('NFKC').trim());
  if (!m) return undefined;
  const column = columnFor(m[1] as string);
  if (column === undefined) return undefined;
  const unit = (m[2] as string).trim();
  return column === 'value' && unit !== '' ? { column, unit } : { column };
}

export function describeColumns(): string {
  return 'indicator (指标), value (数值), and optionally period (期间/年份), region (地区), unit (单位), note (备注)';
}
