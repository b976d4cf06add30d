/**
 * The region table: China's provinces, prefectures and counties with their
 * codes, names, short names and years of use, and the lookup that turns a
 * written region into the regions it can mean. See docs/regions.md.
 */
export type { RegionChange, RegionChangeKind, RegionDate, RegionLevel, RegionRecord } from './model.js';
export { levelOfCode, validInYear, REGION_LEVELS } from './model.js';
export { codeOf, normalizeWritten } from './normalize.js';
export { deriveShortNames } from './short-names.js';
export { RegionTable, type LookupOptions, type MatchKind, type RegionMatch, type RegionTableData } from './table.js';
export { applyRegionList, parseRegionList, type ParsedRegionList, type RegionListRow } from './user-list.js';
export { loadRegionList, loadRegionTable, REGION_TABLE_FILE } from './load.js';
