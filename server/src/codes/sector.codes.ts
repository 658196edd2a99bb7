/** Sectors of the ten key works 十项精准扶贫工程, each owned by a ministry; project kinds and benefit kinds. */
import { codeList } from './code-list.js';

export const Sector = codeList('Sector', 'Sector of a ministry: one of the ten key works 十项工程.', {
  TRANSPORT: ['transport', '村级道路畅通', 'village roads (transport)'],
  WATER: ['water', '饮水安全', 'drinking-water safety (water resources)'],
  POWER: ['power', '农村电力保障', 'rural power'],
  HOUSING: ['housing', '危房改造', 'dilapidated-house renovation (housing)'],
  INDUSTRY: ['industry', '特色产业增收', 'specialty industries (agriculture)'],
  TOURISM: ['tourism', '乡村旅游扶贫', 'rural tourism'],
  EDUCATION: ['education', '教育扶贫', 'education'],
  HEALTH: ['health', '卫生和计划生育', 'health and family planning'],
  CULTURE: ['culture', '文化建设', 'culture'],
  INFORMATION: ['information', '贫困村信息化', 'village informatization'],
});

export const ProjectStatus = codeList('ProjectStatus', 'Where a project stands.', {
  PLANNED: ['planned', '计划', 'planned, not started'],
  IN_PROGRESS: ['in_progress', '实施中', 'being carried out'],
  COMPLETED: ['completed', '已完成', 'completed'],
  CANCELLED: ['cancelled', '已取消', 'cancelled'],
});

export const OutputIndicator = codeList('OutputIndicator', 'What a project delivers, in measurable units.', {
  ROAD_KM: ['road_km', '道路(公里)', 'km of road built or hardened'],
  NATURAL_VILLAGES_ROADED: ['natural_villages_roaded', '通硬化路自然村(个)', 'natural villages reached by a hardened road'],
  HOUSEHOLDS_WATER: ['households_water', '解决饮水安全(户)', 'households given safe drinking water'],
  HOUSEHOLDS_POWER: ['households_power', '通电(户)', 'households connected to power'],
  HOUSES_RENOVATED: ['houses_renovated', '危房改造(户)', 'dilapidated houses renovated'],
  PEOPLE_TRAINED: ['people_trained', '培训(人)', 'people trained'],
  HOUSEHOLDS_ASSISTED: ['households_assisted', '带动(户)', 'households assisted'],
  FACILITIES_BUILT: ['facilities_built', '设施(个)', 'facilities built (clinics, schools, cultural rooms, broadband points)'],
});

export const BenefitKind = codeList('BenefitKind', 'How a project benefits a household or village.', {
  INFRASTRUCTURE: ['infrastructure', '基础设施受益', 'benefits from infrastructure built'],
  CONNECTION: ['connection', '入户接通', 'connected (water, power, broadband) at home'],
  SUBSIDY: ['subsidy', '补助', 'receives a subsidy'],
  IN_KIND: ['in_kind', '实物', 'receives goods or materials'],
  SERVICE: ['service', '服务', 'receives a service (training, care)'],
  EMPLOYMENT: ['employment', '就业', 'employed by the project'],
});
