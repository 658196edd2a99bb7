/**
 * Files for the bulk import tests (tests/e2e/bulk-*.test.ts): households of the national
 * form in its national codes, one CSV row per member (English header keys, as the layout
 * accepts them besides the Chinese ones), with fresh, valid ID numbers; and the HTTP
 * calls of the bulk paths with a token.
 */
import { dayIn, idNumber } from './forms.js';

export interface FileMember { name: string; idNumber: string; sex: '1' | '2'; relation: string; birthYear: number; health?: string; schooling?: string; education?: string; labourSkill?: string }
export interface FileHousehold { ref?: string; number?: string; version?: number; villageCode: string; phone?: string; members: FileMember[]; year?: number }

/** Head, spouse with a chronic illness, daughter in grade 9: main cause illness (R5 holds), as tests/support/forms.ts `household`. */
export function fileHousehold(villageCode: string, ref: string, over: Partial<FileHousehold> = {}): FileHousehold {
  return {
    ref, villageCode, phone: '13800000000', year: 2024,
    members: [
      { name: '龙导入', idNumber: idNumber(dayIn(1968), 'MALE'), sex: '1', relation: '01', birthYear: 1968 },
      { name: '石导入', idNumber: idNumber(dayIn(1970), 'FEMALE'), sex: '2', relation: '02', birthYear: 1970, health: '02' },
      { name: '龙小导', idNumber: idNumber(dayIn(2011), 'FEMALE'), sex: '2', relation: '04', birthYear: 2011, schooling: '09', education: '3', labourSkill: '04' },
    ],
    ...over,
  };
}

export const HEADER = ['householdNumber', 'householdRef', 'version', 'villageCode', 'identificationStandard', 'attribute', 'mainCause', 'otherCauses', 'status',
  'militaryFamily', 'oneChildFamily', 'twoDaughterFamily', 'plannedExitYear', 'firstIdentifiedDate', 'exitYear', 'phone', 'bankName', 'bankAccount',
  'name', 'idNumber', 'sex', 'relation', 'ethnicity', 'politicalStatus', 'education', 'schooling', 'health', 'labourSkill', 'migrantWork', 'migrantMonths',
  'speaksMandarin', 'activeSoldier', 'basicMedicalInsurance', 'seriousIllnessInsurance', 'basicPensionInsurance', 'commercialMedicalInsurance',
  'accidentInsurance', 'receivesDibao', 'destituteSupported',
  'year', 'wage', 'production', 'propertyDividend', 'propertyOther', 'transferFamilyPlanning', 'transferDibao', 'transferDestitute', 'transferPension',
  'transferEcological', 'transferOther', 'productionCost', 'rigidSpending', 'arableLandMu', 'irrigatedLandMu', 'forestLandMu', 'grainToForestMu', 'orchardMu',
  'pastureMu', 'waterSurfaceMu', 'productionPower', 'householdPower', 'radioTv', 'drinkingWaterDifficulty', 'drinkingWaterSafe', 'distanceToRoadKm', 'roadType',
  'housingAreaM2', 'dilapidatedHouse', 'dilapidatedGrade', 'sanitaryToilet', 'mainFuel', 'inCooperative', 'ledByEnterprise', 'ledByEntrepreneur'];

/** Per-capita net income 2,000 yuan for 3 members (wages 0: no one works away, R9). */
const YEAR = ['0', '5200', '300', '0', '0', '0', '0', '1500', '400', '0', '1400', '0', '2.5', '1', '6', '0', '0.5', '0', '0', '是', '是', '是', '是', '否', '1.2', '2', '64', '是', 'C', '否', '1', '否', '否', '否'];

export function rowsOf(h: FileHousehold): string[][] {
  return h.members.map((m, i) => [
    h.number ?? '', h.ref ?? '', h.version === undefined ? '' : String(h.version), h.villageCode, '1', '01', '01', '09', '0', '否', '否', '否', '2017', '2014-10-15', '', h.phone ?? '', '花垣县农村信用合作联社', '6228480000000000000',
    m.name, m.idNumber, m.sex, m.relation, '06', '', m.education ?? '2', m.schooling ?? '00', m.health ?? '01', m.labourSkill ?? '01', '0', '0',
    '是', '否', '是', '是', '是', '否', '否', '否', '否',
    ...(i === 0 && h.year ? [String(h.year), ...YEAR] : YEAR.map(() => '').concat([''])),
  ]);
}

const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
export const csv = (rows: string[][]) => rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
export const csvFile = (households: FileHousehold[], header = HEADER) => csv([header, ...households.flatMap(rowsOf)]);

export const base = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

export async function post(url: string, token: string, path: string, body?: BodyInit) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
  return { status: res.status, body: (await res.json()) as any };
}

export async function get(url: string, token: string, path: string) {
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return res;
}
