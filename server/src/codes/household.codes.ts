/** Household form code lists (reference: "Household (贫困户) form"). */
import { codeList } from './code-list.js';

export const IdentificationStandard = codeList('IdentificationStandard', 'Identification standard 识别标准: which poverty line the household was judged against.', {
  NATIONAL: ['1', '国家标准', 'national line'],
  PROVINCIAL: ['2', '省定标准', 'provincial line'],
  MUNICIPAL: ['3', '市定标准', 'municipal line'],
});

export const HouseholdAttribute = codeList('HouseholdAttribute', 'Household attribute 贫困户属性 (national codes).', {
  ORDINARY: ['01', '一般贫困户', 'ordinary poor household'],
  DIBAO: ['04', '低保贫困户', 'minimum-living-allowance household able to work'],
  DESTITUTE: ['06', '特困供养贫困户', 'destitute household supported by the state (五保)'],
});

export const Cause = codeList('Cause', 'Cause of poverty 致贫原因 (national codes).', {
  ILLNESS: ['01', '因病', 'illness'],
  DISABILITY: ['02', '因残', 'disability'],
  SCHOOLING: ['03', '因学', 'schooling costs'],
  DISASTER: ['04', '因灾', 'disaster'],
  LACK_OF_LAND: ['05', '缺土地', 'lack of land'],
  LACK_OF_WATER: ['06', '缺水', 'lack of water'],
  LACK_OF_SKILLS: ['07', '缺技术', 'lack of skills'],
  LACK_OF_LABOUR: ['08', '缺劳力', 'lack of labour'],
  LACK_OF_CAPITAL: ['09', '缺资金', 'lack of capital'],
  POOR_TRANSPORT: ['10', '交通条件落后', 'poor transport'],
  LACK_OF_DRIVE: ['11', '自身发展动力不足', 'lack of own drive'],
  MARRIAGE: ['12', '因婚', 'marriage costs'],
  FUNERAL: ['13', '因丧', 'funeral costs'],
  OTHER: ['99', '其他', 'other'],
});

export const PovertyStatus = codeList('PovertyStatus', 'Poverty status 脱贫状态 (national codes).', {
  NOT_OUT: ['0', '未脱贫', 'not yet out of poverty'],
  EXITED_WITH_POLICY: ['1', '已脱贫(享受政策)', 'out of poverty, still receiving policy'],
  RELAPSED: ['3', '返贫', 'fallen back into poverty'],
  EXITED_POLICY_ENDED: ['4', '已脱贫(不再享受政策)', 'out of poverty, policy ended'],
});

export const RoadType = codeList('RoadType', 'Type of the access road to the household 入户路类型.', {
  EARTH: ['1', '泥土路', 'earth'],
  GRAVEL: ['2', '砂石路', 'gravel'],
  CEMENT: ['3', '水泥路', 'cement'],
  ASPHALT: ['4', '沥青路', 'asphalt'],
});

export const DilapidatedGrade = codeList('DilapidatedGrade', 'Grade of a dilapidated house 危房等级.', {
  C: ['C', 'C级', 'grade C: partly unsafe'],
  D: ['D', 'D级', 'grade D: wholly unsafe'],
});

export const Fuel = codeList('Fuel', 'Main cooking fuel 主要燃料类型.', {
  FIREWOOD: ['1', '柴草', 'firewood'],
  DUNG: ['2', '干畜粪', 'dried dung'],
  COAL: ['3', '煤炭', 'coal'],
  CLEAN: ['4', '清洁能源', 'clean energy'],
  OTHER: ['9', '其他', 'other'],
});
