/** Code lists of social participation 社会扶贫 (reference "Social participation"). */
import { codeList } from './code-list.js';

export const DonorKind = codeList('DonorKind', 'Kind of participant in social assistance 社会扶贫参与方.', {
  ENTERPRISE: ['enterprise', '企业', 'enterprise (private or state-owned), e.g. 万企帮万村'],
  SOCIAL_ORGANIZATION: ['social_organization', '社会组织', 'social organization (foundation, association, charity)'],
  INDIVIDUAL: ['individual', '个人', 'individual donor'],
  DESIGNATED: ['designated', '定点扶贫单位', 'designated assistance unit (central or provincial body, state enterprise, university)'],
  EAST_WEST: ['east_west', '东西部扶贫协作', 'east–west partner province or city'],
  MILITARY: ['military', '军队和武警部队', 'army or armed police unit'],
});

/** Kinds of participant that are also kinds of assistance unit (cadre module), and may link one. */
export const UNIT_KIND_OF_DONOR_KIND: Record<string, string | undefined> = {
  enterprise: 'enterprise', social_organization: 'social_organization', designated: 'designated', east_west: 'east_west', military: 'military',
};

export const NeedCategory = codeList('NeedCategory', 'Category of a need 需求类别 on the social assistance platform 中国社会扶贫网.', {
  SCHOOL_AID: ['school_aid', '助学', 'school aid: fees, books, uniforms, boarding'],
  MEDICAL_AID: ['medical_aid', '助医', 'medical aid: treatment, medicine, aids'],
  HOUSE_RENOVATION: ['house_renovation', '危房改造', 'house renovation'],
  INDUSTRY: ['industry', '产业', 'industry: seedlings, livestock, tools, inputs'],
  EMPLOYMENT: ['employment', '就业', 'employment: a job or placement'],
  SKILLS_TRAINING: ['skills_training', '技能培训', 'skills training'],
  DAILY_NECESSITIES: ['daily_necessities', '生活物资', 'daily necessities: bedding, clothes, appliances, food'],
});

/** The causes of poverty 致贫原因 a category answers (shown with a published need, when the household has them). */
export const CAUSES_OF_CATEGORY: Record<string, readonly string[]> = {
  school_aid: ['03'],
  medical_aid: ['01', '02'],
  house_renovation: ['04', '09'],
  industry: ['05', '06', '09', '10', '11'],
  employment: ['07', '08', '11'],
  skills_training: ['07', '11'],
  daily_necessities: ['01', '02', '04', '08', '12', '13', '99'],
};

/** Measure kinds (measure module) and sectors (benefit module) that fund the same thing as a category, for the reviewer's warnings. */
export const MEASURE_KINDS_OF_CATEGORY: Record<string, readonly string[]> = {
  school_aid: ['education', 'rain_dew'],
  medical_aid: ['health'],
  house_renovation: ['house_renovation', 'relocation'],
  industry: ['industry', 'micro_credit'],
  employment: ['employment', 'public_welfare_job'],
  skills_training: ['rain_dew'],
  daily_necessities: ['social_security'],
};
export const SECTORS_OF_CATEGORY: Record<string, readonly string[]> = {
  school_aid: ['education'], medical_aid: ['health'], house_renovation: ['housing'], industry: ['industry', 'tourism'],
  employment: [], skills_training: ['education'], daily_necessities: [],
};

export const NeedStatus = codeList('NeedStatus', 'Where a need stands: drafted by the village, checked by the township, reviewed by the county and published; or rejected or cancelled.', {
  DRAFT: ['DRAFT', '草稿', 'drafted by a cadre or official of the village, not yet checked'],
  CHECKED: ['CHECKED', '乡镇审核', 'checked by the township, waiting for the county'],
  PUBLISHED: ['PUBLISHED', '已发布', 'reviewed by the county and published to donors'],
  REJECTED: ['REJECTED', '未通过', 'rejected by the township or county, with a reason'],
  CANCELLED: ['CANCELLED', '已取消', 'cancelled with a reason; open pledges are cancelled with it'],
});

export const PledgeStatus = codeList('PledgeStatus', 'Where a pledge stands.', {
  PLEDGED: ['PLEDGED', '已认捐', 'pledged, not yet delivered'],
  DELIVERED: ['DELIVERED', '已捐赠', 'the donor reported the delivery'],
  CONFIRMED: ['CONFIRMED', '已确认', 'a cadre confirmed receipt'],
  EXPIRED: ['EXPIRED', '已过期', 'not delivered by its date: its amount is open again'],
  CANCELLED: ['CANCELLED', '已取消', 'cancelled with its need'],
});

export const NeedDecision = codeList('NeedDecision', 'The decision of a township check or county review of a need.', {
  APPROVE: ['APPROVE', '同意', 'approve: the need goes on (checked, or published)'],
  REJECT: ['REJECT', '不同意', 'reject: the need ends, with the reason'],
});

export const NeedWarningKind = codeList('NeedWarningKind', 'What else already funds a need, shown to the reviewer.', {
  PROJECT_LINK: ['PROJECT_LINK', '行业项目', 'a sector project benefits the household in this category'],
  MEASURE: ['MEASURE', '帮扶措施', 'an assistance measure of this category for the household'],
  PLEDGE: ['PLEDGE', '已有认捐', 'an earlier need of the household in this category has pledges'],
});
