/**
 * How a CSV's indicator cell is matched to a plan's names: whitespace,
 * full-/half-width forms (（）/(), ％/%) and case do not matter.
 */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKC') // full-width → half-width, ％ → %, （ → (
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’']/g, '')
    .toLowerCase();
}

/** A name with its bracketed unit dropped: 持证社会工作专业人才数（万人） → 持证社会工作专业人才数 */
export function stripTrailingUnit(s: string): string {
  return s.replace(/\(([^()]*)\)$/, (whole, inner: string) => (/[\d%‰元人户个张家所]|平方米|是\/否/.test(inner) && inner.length <= 12 ? '' : whole));
}

/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length] as number;
}
