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
