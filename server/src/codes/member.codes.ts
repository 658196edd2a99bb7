/** Member form code lists (reference: "Member form"). */
import { codeList } from './code-list.js';

export const Sex = codeList('Sex', 'Sex 性别 (GB/T 2261.1).', {
  MALE: ['1', '男', 'male'],
  FEMALE: ['2', '女', 'female'],
  UNSTATED: ['9', '未说明', 'not stated'],
});

export const Relation = codeList('Relation', 'Relation to the head of household 与户主关系 (national codes).', {
  HEAD: ['01', '户主', 'head of household'],
  SPOUSE: ['02', '配偶', 'spouse'],
  SON: ['03', '之子', 'son'],
  DAUGHTER: ['04', '之女', 'daughter'],
  DAUGHTER_IN_LAW: ['05', '之儿媳', 'daughter-in-law'],
  SON_IN_LAW: ['06', '之女婿', 'son-in-law'],
  GRANDSON: ['07', '之孙子', "son's son"],
  GRANDDAUGHTER: ['08', '之孙女', "son's daughter"],
  DAUGHTERS_SON: ['09', '之外孙子', "daughter's son"],
  DAUGHTERS_DAUGHTER: ['10', '之外孙女', "daughter's daughter"],
  FATHER: ['11', '之父', 'father'],
  MOTHER: ['12', '之母', 'mother'],
  WIFES_FATHER: ['13', '之岳父', "wife's father"],
  WIFES_MOTHER: ['14', '之岳母', "wife's mother"],
  HUSBANDS_FATHER: ['15', '之公公', "husband's father"],
  HUSBANDS_MOTHER: ['16', '之婆婆', "husband's mother"],
  GRANDFATHER: ['17', '之祖父', "father's father"],
  GRANDMOTHER: ['18', '之祖母', "father's mother"],
  MATERNAL_GRANDFATHER: ['19', '之外祖父', "mother's father"],
  MATERNAL_GRANDMOTHER: ['20', '之外祖母', "mother's mother"],
  OTHER: ['99', '其他', 'other'],
});

export const Education = codeList('Education', 'Education 文化程度.', {
  ILLITERATE: ['1', '文盲或半文盲', 'illiterate or semi-literate'],
  PRIMARY: ['2', '小学', 'primary school'],
  JUNIOR_SECONDARY: ['3', '初中', 'junior secondary'],
  SENIOR_SECONDARY: ['4', '高中', 'senior secondary'],
  COLLEGE: ['5', '大专及以上', 'college or above'],
  PRESCHOOL: ['6', '学龄前儿童', 'preschool child'],
});

export const Schooling = codeList('Schooling', 'Schooling status 在校生状况.', {
  NOT_IN_SCHOOL: ['00', '非在校生', 'not in school'],
  PRESCHOOL: ['01', '学前教育', 'preschool'],
  PRIMARY: ['02', '小学', 'primary school'],
  GRADE_7: ['07', '七年级', 'grade 7'],
  GRADE_8: ['08', '八年级', 'grade 8'],
  GRADE_9: ['09', '九年级', 'grade 9'],
  SENIOR_1: ['11', '高一', 'senior secondary year 1'],
  SENIOR_2: ['12', '高二', 'senior secondary year 2'],
  SENIOR_3: ['13', '高三', 'senior secondary year 3'],
  VOCATIONAL_SECONDARY_1: ['21', '中职一年级', 'vocational secondary year 1'],
  VOCATIONAL_SECONDARY_2: ['22', '中职二年级', 'vocational secondary year 2'],
  VOCATIONAL_SECONDARY_3: ['23', '中职三年级', 'vocational secondary year 3'],
  VOCATIONAL_COLLEGE_1: ['31', '高职一年级', 'vocational college year 1'],
  VOCATIONAL_COLLEGE_2: ['32', '高职二年级', 'vocational college year 2'],
  VOCATIONAL_COLLEGE_3: ['33', '高职三年级', 'vocational college year 3'],
  COLLEGE: ['40', '大专及以上', 'college or above'],
});

export const Health = codeList('Health', 'Health 健康状况 (a member may have several).', {
  HEALTHY: ['01', '健康', 'healthy'],
  CHRONIC_ILLNESS: ['02', '长期慢性病', 'chronic illness'],
  SERIOUS_ILLNESS: ['03', '患有大病', 'serious illness'],
  DISABLED: ['04', '残疾', 'disabled'],
});

export const LabourSkill = codeList('LabourSkill', 'Labour skill 劳动技能.', {
  ORDINARY: ['01', '普通劳动力', 'ordinary labour'],
  SKILLED: ['02', '技能劳动力', 'skilled labour'],
  LOST_ABILITY: ['03', '丧失劳动力', 'lost the ability to work'],
  NONE: ['04', '无劳动力', 'no labour ability'],
});

export const MigrantWork = codeList('MigrantWork', 'Where a member works away from home 务工状况.', {
  NONE: ['0', '无', 'does not work away'],
  WITHIN_TOWNSHIP: ['1', '乡(镇)内务工', 'within the township'],
  WITHIN_COUNTY: ['2', '乡(镇)外县内务工', 'within the county'],
  WITHIN_PROVINCE: ['3', '县外省内务工', 'within the province'],
  OUTSIDE_PROVINCE: ['4', '省外务工', 'outside the province'],
  OTHER: ['5', '其他', 'other'],
});

export const PoliticalStatus = codeList('PoliticalStatus', 'Political status 政治面貌 (GB/T 4762, main values).', {
  CPC_MEMBER: ['01', '中共党员', 'member of the Communist Party of China'],
  CPC_PROBATIONARY: ['02', '中共预备党员', 'probationary party member'],
  LEAGUE_MEMBER: ['03', '共青团员', 'Communist Youth League member'],
  OTHER_PARTY: ['04', '民主党派', 'member of another party'],
  MASSES: ['13', '群众', 'ordinary citizen'],
});

export const IdKind = codeList('IdKind', 'Kind of identity document 证件类型.', {
  RESIDENT_ID: ['1', '居民身份证', '18-digit resident identity card (GB 11643)'],
  DISABILITY_CARD: ['2', '残疾人证', '20-digit disability card: the resident ID followed by category and grade'],
});
