/**
 * Limits of the typed measures as data (assistance_limits): the national defaults
 * below apply unless a row for the measure's area (the longest code prefix of its
 * village) says otherwise. 扶贫小额信贷: ≤ 50,000 yuan, ≤ 3 years (36 months);
 * 易地扶贫搬迁: housing ≤ 25 m² per person moved.
 */
export interface AssistanceLimits {
  /** The area the limits were set for ('' for the national defaults). */
  areaCode: string;
  microCreditMaxPrincipal: number;
  microCreditMaxTermMonths: number;
  relocationMaxM2PerPerson: number;
}

export const NATIONAL_LIMITS: AssistanceLimits = {
  areaCode: '',
  microCreditMaxPrincipal: 50_000,
  microCreditMaxTermMonths: 36,
  relocationMaxM2PerPerson: 25,
};

/** The limits that apply at `code`: the row of the longest prefix, else the national defaults. */
export function limitsAt(rows: readonly AssistanceLimits[], code: string): AssistanceLimits {
  const match = rows.filter((r) => code.startsWith(r.areaCode)).sort((a, b) => b.areaCode.length - a.areaCode.length)[0];
  return match ?? NATIONAL_LIMITS;
}

/** Yuan to whole fen, so that 50,000.01 compares as more than 50,000 without float surprises. */
export const fen = (yuan: number) => Math.round(yuan * 100);
