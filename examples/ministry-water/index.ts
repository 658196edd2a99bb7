// A water ministry's app: register this year's drinking-water programme and a project in one
// county, find the county's registered households with unsafe drinking water (the coverage gap),
// link them to the project in batches of 1,000, then follow the change feed and print what changes.
//
//   JINGZHUN_URL=http://127.0.0.1:4000/graphql \
//   JINGZHUN_TOKEN=$(pnpm -s jingzhun token --role ministry --sector water --area 43) \
//   pnpm --filter @jingzhun/example-ministry-water start
//
// COUNTY (default 433124 花垣县) picks the county; FOLLOW_SECONDS (default: until Ctrl-C) how long to follow.
import { randomUUID } from 'node:crypto';
import { createClient, linkAll, paginate } from '@jingzhun/sdk';

const jz = createClient({ url: process.env.JINGZHUN_URL ?? 'http://127.0.0.1:4000/graphql', token: process.env.JINGZHUN_TOKEN });
const county = process.env.COUNTY ?? '433124';
const year = new Date().getFullYear();

const { createProgramme: programme } = await jz.createProgramme({ input: { name: `${year}年农村饮水安全巩固提升工程`, year, budget: 20_000_000, areaCode: county } });
const { createProject: project } = await jz.createProject({
  input: { programmeId: programme.id, name: `${county} 集中供水工程`, kind: '集中供水', areaCode: county, budget: 6_000_000, outputs: [{ indicator: 'HOUSEHOLDS_WATER', planned: 0, actual: 0 }] },
});
console.log(`project ${project.name} (${project.id})`);

// Households of the county with unsafe or hard-to-get drinking water and no water project yet.
const gap: string[] = [];
for await (const h of paginate((after) => jz.coverageGaps({ sector: 'WATER', areaCode: county, first: 100, after }).then((d) => d.coverageGaps.households))) gap.push(h.id);
console.log(`${gap.length} households without safe drinking water and no water project`);

// Where the change feed ends now: we follow from here.
let cursor: string | null = null;
for (let page = await jz.changes({ first: 100 }); ; page = await jz.changes({ first: 100, after: cursor })) {
  cursor = page.changes.pageInfo.endCursor ?? cursor;
  if (!page.changes.pageInfo.hasNextPage) break;
}

const today = new Date().toISOString().slice(0, 10);
const items = gap.map((householdId) => ({ householdId, benefitKind: 'CONNECTION' as const, date: today }));
const result = await linkAll(jz, project.id, items, { key: `water-${randomUUID()}`, onBatch: (done, total) => console.log(`linked ${done}/${total}`) });
console.log(`linked ${result.linked} households`);

const stop = new AbortController();
const seconds = Number(process.env.FOLLOW_SECONDS ?? 0);
if (seconds > 0) setTimeout(() => stop.abort(), seconds * 1000);
process.once('SIGINT', () => stop.abort());
let seen = 0;
for await (const e of jz.follow({ after: cursor, areaCode: county, signal: stop.signal })) {
  seen++;
  console.log(`${e.at} ${e.type} ${e.entityType} ${e.areaCode}`);
}
console.log(`followed ${seen} changes`);
