/** Area levels and poor-village status (reference: administrative divisions, 贫困村). */
import { codeList } from './code-list.js';

export const AreaLevel = codeList('AreaLevel', 'Level of an administrative area; the statistical code has 2, 4, 6, 9 or 12 digits.', {
  PROVINCE: ['1', '省级', 'province (2-digit code)'],
  PREFECTURE: ['2', '地级', 'prefecture (4-digit code)'],
  COUNTY: ['3', '县级', 'county (6-digit code)'],
  TOWNSHIP: ['4', '乡级', 'township (9-digit code)'],
  VILLAGE: ['5', '村级', 'village (12-digit code)'],
});

export const VillagePovertyStatus = codeList('VillagePovertyStatus', 'Poor-village status of a village 贫困村状态.', {
  NOT_POOR: ['0', '非贫困村', 'not a registered poor village'],
  POOR: ['1', '贫困村', 'registered poor village, not yet exited'],
  EXITED: ['2', '已出列', 'poor village that has exited'],
});

/** Digits of a statistical code at each level, by level code. */
export const CODE_LENGTH: Record<string, number> = { '1': 2, '2': 4, '3': 6, '4': 9, '5': 12 };
export const levelOfCode = (code: string): string | undefined =>
  Object.entries(CODE_LENGTH).find(([, n]) => n === code.length)?.[0];
