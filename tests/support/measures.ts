/**
 * Measures for tests: a plain measure of a household for 2016, and one measure of every
 * kind (the fourteen of the reference's headings and the three brands) with the typed
 * part its kind needs.
 */
import type { RecordMeasureInput } from '@jingzhun/sdk';

export const base = (householdId: string, over: Partial<RecordMeasureInput> = {}): RecordMeasureInput => ({
  householdId, year: 2016, kind: 'INDUSTRY', title: '发展猕猴桃种植', causes: ['LACK_OF_CAPITAL'], plannedAmount: 3000,
  fundingSource: 'CENTRAL', startDate: '2016-03-01', endDate: '2016-12-31', ...over,
});

export const loan = { bank: '保靖县农村信用合作联社', principal: 50_000, termMonths: 36, annualRate: 4.35, interestSubsidyRate: 4.35, disbursedOn: '2016-04-15' };

/** One measure of every kind, with the typed part its kind needs. */
export function everyKind(h: { id: string; members: { id: string }[] }, cause: 'ILLNESS' | 'LACK_OF_CAPITAL'): RecordMeasureInput[] {
  const plain = ['INDUSTRY', 'EMPLOYMENT', 'PUBLIC_WELFARE_JOB', 'EDUCATION', 'ECOLOGICAL_COMPENSATION', 'SOCIAL_SECURITY', 'DRINKING_WATER', 'HEALTH', 'INFRASTRUCTURE', 'OTHER'] as const;
  return [
    ...plain.map((kind) => base(h.id, { kind, title: `${kind} 帮扶`, causes: [cause] })),
    base(h.id, { kind: 'MICRO_CREDIT', title: '扶贫小额信贷', causes: [cause], plannedAmount: 2175, fundingSource: 'CREDIT', microCredit: loan }),
    base(h.id, {
      kind: 'RAIN_DEW', title: '雨露计划 电工培训', causes: [cause], plannedAmount: 1500,
      rainDew: { support: 'TRAINING', memberId: h.members[0].id, course: '电工', institution: '湘西职业技术学院', enrolledOn: '2016-03-01', expectedEndOn: '2016-06-30', completedOn: '2016-06-30', employedAfter: true, employer: '长沙某电器厂' },
    }),
    base(h.id, {
      kind: 'RELOCATION', title: '易地扶贫搬迁', causes: [cause], plannedAmount: 60_000, fundingSource: 'PROVINCIAL',
      relocation: { fromPlace: '高山组', toSite: '县城集中安置区', toAreaCode: '433125100', peopleMoved: 3, housingAreaM2: 75, subsidy: 60_000, movedOn: '2016-11-20' },
    }),
    base(h.id, { kind: 'HOUSE_RENOVATION', title: '危房改造', causes: [cause], plannedAmount: 20_000, fundingSource: 'LOCAL', houseRenovation: { grade: 'D' } }),
  ];
}
