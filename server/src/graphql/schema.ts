/** Builds the executable schema from every module's resolvers (type-graphql). */
import 'reflect-metadata';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AreaResolver } from '../modules/area/area.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { ChangeResolver } from '../modules/change/change.resolver.js';
import { HouseholdResolver, HouseholdYearResolver } from '../modules/household/household.resolver.js';
import { MemberResolver } from '../modules/member/member.resolver.js';
import { NodeResolver } from '../modules/node/node.resolver.js';
import { VillageResolver } from '../modules/village/village.resolver.js';
import { ProgrammeResolver, ProjectFieldResolver } from '../modules/programme/programme.resolver.js';
import { BenefitResolver, HouseholdLinksResolver, ProjectLinksResolver, VillageLinksResolver } from '../modules/benefit/benefit.resolver.js';
import { CoverageResolver } from '../modules/coverage/coverage.resolver.js';
import { HouseholdStandingResolver, PovertyLineResolver, StandardResolver } from '../modules/standard/standard.resolver.js';
import { HouseholdWarningsResolver, QualityResolver } from '../modules/quality/quality.resolver.js';
import { HouseholdStoredStandingsResolver, RoundResolver, StoredStandingResolver } from '../modules/round/round.resolver.js';
import { HouseholdMonitoringResolver, MonitoringListResolver, MonitoringResolver } from '../modules/monitoring/monitoring.resolver.js';
import { WebhookResolver } from '../modules/webhook/webhook.resolver.js';
import { AssistanceUnitResolver, CadreResolver } from '../modules/cadre/cadre.resolver.js';
import { CadrePairingResolver, HouseholdPairingResolver, PairingResolver } from '../modules/pairing/pairing.resolver.js';
import { CadreVisitResolver, HouseholdVisitResolver, VisitResolver } from '../modules/visit/visit.resolver.js';
import { CadreWorkTeamResolver, VillageWorkTeamResolver, WorkTeamMemberResolver, WorkTeamResolver } from '../modules/workteam/workteam.resolver.js';
import { CaseResolver, HouseholdCasesResolver, PostingResolver } from '../modules/case/case.resolver.js';
import { HouseholdHistoryResolver, RegisterAsOfResolver, VillageHistoryResolver } from '../modules/history/history.resolver.js';
import { HandbookResolver } from '../modules/handbook/handbook.resolver.js';
import { AssistanceEffectResolver } from '../modules/assistance-effect/assistance-effect.resolver.js';
import { AssistanceCoverageResolver } from '../modules/assistance-coverage/assistance-coverage.resolver.js';
import { AssistancePlanResolver, HouseholdMeasuresResolver, MeasureResolver, VillagePlansResolver } from '../modules/measure/measure.resolver.js';
import { QuotaResolver } from '../modules/quota/quota.resolver.js';
import { ProvincialResolver, VillageIndicatorsResolver } from '../modules/provincial/provincial.resolver.js';
import { ExitCheckResolver } from '../modules/exit/exit-check.resolver.js';
import { StatisticsResolver } from '../modules/statistics/statistics.resolver.js';
import { DonorResolver, NeedResolver, PledgeResolver, PublishedNeedResolver } from '../modules/donation/donation.resolver.js';
import { FundsResolver, HouseholdFundsResolver } from '../modules/funds/funds.resolver.js';
import { SamplingResolver } from '../modules/sampling/sampling.resolver.js';
import { AssessmentResolver } from '../modules/assessment/assessment.resolver.js';
import { EligibilityResolver, HouseholdEligibilityResolver, RuleSetPreviewAreaResolver, RuleSetPreviewResolver } from '../modules/eligibility/eligibility.resolver.js';

export const RESOLVERS = [
  NodeResolver, AreaResolver, VillageResolver, HouseholdResolver, HouseholdYearResolver, MemberResolver, AuditResolver, ChangeResolver,
  ProgrammeResolver, ProjectFieldResolver, BenefitResolver, HouseholdLinksResolver, VillageLinksResolver, ProjectLinksResolver,
  CoverageResolver, StandardResolver, PovertyLineResolver, HouseholdStandingResolver, QualityResolver, HouseholdWarningsResolver, WebhookResolver,
  AssistanceUnitResolver, CadreResolver, PairingResolver, HouseholdPairingResolver, CadrePairingResolver,
  WorkTeamResolver, WorkTeamMemberResolver, VillageWorkTeamResolver, CadreWorkTeamResolver,
  VisitResolver, HouseholdVisitResolver, CadreVisitResolver,
  CaseResolver, PostingResolver, HouseholdCasesResolver, HouseholdHistoryResolver, VillageHistoryResolver, RegisterAsOfResolver,
  RoundResolver, StoredStandingResolver, HouseholdStoredStandingsResolver,
  MonitoringResolver, MonitoringListResolver, HouseholdMonitoringResolver,
  QuotaResolver, ProvincialResolver, VillageIndicatorsResolver, ExitCheckResolver,
  MeasureResolver, AssistancePlanResolver, HouseholdMeasuresResolver, VillagePlansResolver, HandbookResolver, AssistanceCoverageResolver,
  AssistanceEffectResolver,
  StatisticsResolver,
  EligibilityResolver, RuleSetPreviewResolver, RuleSetPreviewAreaResolver, HouseholdEligibilityResolver,
  DonorResolver, NeedResolver, PublishedNeedResolver, PledgeResolver,
  FundsResolver, HouseholdFundsResolver, AssessmentResolver, SamplingResolver,
] as const;

/**
 * type-graphql refuses to build subscriptions without a PubSub, even when each one has
 * its own `subscribe` (ours read the change feed; see modules/change/change.subscription.ts).
 * None of them publishes or subscribes through it.
 */
const NO_PUBSUB = {
  publish() {
    throw new Error('no PubSub: subscriptions read the change feed');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('no PubSub: subscriptions read the change feed');
  },
};

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: RESOLVERS, validate: false, pubSub: NO_PUBSUB });
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'Everything you can read, limited to your area and role.';
  schema.getMutationType()!.description = 'Every write: validated, limited to your area and role, audited, and atomic.';
  schema.getSubscriptionType()!.description = 'What you can follow live over WebSocket (graphql-transport-ws at /graphql), limited to your area and role.';
  lazyConnectionCounts(schema);
  // type-graphql wraps an interface's resolveType in an async function; the compiled executor
  // (executor.ts) needs the type name synchronously. Node's own resolveType is the model's __typename.
  const node = schema.getType('Node');
  if (isInterfaceType(node)) node.resolveType = (value: { __typename?: string }) => value.__typename;
  return schema;
}

/**
 * A connection's `totalCount` is a getter that starts the count query only when selected
 * (connection.ts). The compiled executor (executor.ts) reads a field without a resolver as
 * a plain property and does not wait for a promise there, so these fields get a resolver
 * that returns the getter's promise (graphql-js's default resolver did the same).
 */
function lazyConnectionCounts(schema: GraphQLSchema) {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.name.endsWith('Connection')) continue;
    const field = type.getFields().totalCount;
    if (field && !field.resolve) field.resolve = (connection: { totalCount: unknown }) => connection.totalCount;
  }
}
