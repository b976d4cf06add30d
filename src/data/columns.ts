/** The CSV header: which column is which, in English or Chinese. */
export type Column = 'indicator' | 'value' | 'period' | 'region' | 'unit' | 'note';

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

export function describeColumns(): string {
  return 'indicator (指标), value (数值), and optionally period (期间/年份), region (地区), unit (单位), note (备注)';
}
