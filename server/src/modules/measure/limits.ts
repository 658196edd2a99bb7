/**
 * Limits of the typed measures as data (assistance_limits): the national defaults
 * below apply unless a row for the measure's area (the longest code prefix of its
 * village) says otherwise. 扶贫小额信贷: ≤ 50,000 yuan, ≤ 3 years (36 months);
 * 易地扶贫搬迁: housing ≤ 25 m² per person moved; 雨露计划: the age bounds of each support
 * kind (rain-dew.ts; unverified defaults).
 */
export interface AssistanceLimits {
  /** The area the limits were set for ('' for the national defaults). */
  areaCode: string;
  microCreditMaxPrincipal: number;
  microCreditMaxTermMonths: number;
  relocationMaxM2PerPerson: number;
  rainDewTrainingMinAge: number;
  rainDewTrainingMaxAge: number;
  rainDewSecondaryMinAge: number;
  rainDewSecondaryMaxAge: number;
  rainDewHigherMinAge: number;
  rainDewHigherMaxAge: number;
}

/** 雨露计划 age bounds by support kind, national defaults (UNVERIFIED: see rain-dew.ts). */
export const RAIN_DEW_AGES = {
  rainDewTrainingMinAge: 16, rainDewTrainingMaxAge: 59,
  rainDewSecondaryMinAge: 14, rainDewSecondaryMaxAge: 22,
  rainDewHigherMinAge: 16, rainDewHigherMaxAge: 30,
} as const;

export const NATIONAL_LIMITS: AssistanceLimits = {
  areaCode: '',
  microCreditMaxPrincipal: 50_000,
  microCreditMaxTermMonths: 36,
  relocationMaxM2PerPerson: 25,
  ...RAIN_DEW_AGES,
};

/** The limits that apply at `code`: the row of the longest prefix, else the national defaults. */
export function limitsAt(rows: readonly AssistanceLimits[], code: string): AssistanceLimits {
  const match = rows.filter((r) => code.startsWith(r.areaCode)).sort((a, b) => b.areaCode.length - a.areaCode.length)[0];
  return match ?? NATIONAL_LIMITS;
}

/** Yuan to whole fen, so that 50,000.01 compares as more than 50,000 without float surprises. */
export const fen = (yuan: number) => Math.round(yuan * 100);
