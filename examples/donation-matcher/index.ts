/**
 * A charity's donation matcher on the Jingzhun SDK (社会扶贫): with the token of a registered
 * participant (role donor), it reads its interests, asks for the needs recommended to it
 * (each with its reasons), pledges up to its budget against the best one in yuan — taking
 * the open amount from a CONFLICT when another donor was faster — and reports the delivery
 * with its transfer reference. A cadre of the village then confirms receipt.
 *
 *   JINGZHUN_URL=http://127.0.0.1:4000/graphql JINGZHUN_TOKEN=<donor token> BUDGET=500 pnpm start
 */
import { ConflictError, createClient, paginate } from '@jingzhun/sdk';

const jz = createClient({ url: process.env.JINGZHUN_URL ?? 'http://127.0.0.1:4000/graphql', token: process.env.JINGZHUN_TOKEN });
const budget = Number(process.env.BUDGET ?? 500);
const today = new Date().toISOString().slice(0, 10);

const { myDonor: me } = await jz.myDonor();
if (!me) throw new Error("this token's subject is not a registered participant: ask the county office to register it (registerDonor)");
console.log(`${me.name}: funds ${me.interests.categories.join(', ') || 'any category'} in ${me.interests.areaCodes.join(', ') || 'any area'}`);

// 1. What is recommended to us, and why; without any, the soonest open needs in our areas.
let candidates = (await jz.recommendedNeeds({ first: 10 })).recommendedNeeds;
for (const r of candidates) console.log(`recommended ${r.need.reference} ${r.need.category} ${r.need.openAmount ?? `${r.need.openQuantity} × ${r.need.items}`} open, due ${r.need.deadline}: ${r.reasons.join('; ')}`);
if (candidates.length === 0) {
  const filter = { areaCode: me.interests.areaCodes[0], categories: me.interests.categories.length ? me.interests.categories : undefined };
  for await (const need of paginate((after) => jz.publishedNeeds({ filter, first: 20, after }).then((d) => d.publishedNeeds))) {
    candidates.push({ need, score: 0, reasons: ['open in an area you help'] });
    if (candidates.length >= 10) break;
  }
}
const best = candidates.find((c) => c.need.openAmount !== null && c.need.openAmount > 0);
if (!best) {
  console.log('no open need in yuan matches: nothing pledged');
  process.exit(0);
}

// 2. Pledge up to the budget; if another donor took part of it meanwhile, pledge what is still open.
let amount = Math.min(budget, best.need.openAmount!);
let pledge;
for (;;) {
  try {
    pledge = (await jz.pledge({ input: { needId: best.need.id, amount } })).pledge;
    break;
  } catch (e) {
    const open = e instanceof ConflictError ? Number(e.errors[0].extensions?.openAmount ?? 0) : NaN;
    if (!(open > 0) || open >= amount) throw e;
    console.log(`only ${open} yuan still open on ${best.need.reference}: pledging that`);
    amount = open;
  }
}
console.log(`pledged ${pledge.amount} yuan to ${best.need.reference} (${best.need.villageName}, ${best.need.townshipName}), deliver by ${pledge.deliverBy}`);

// 3. The transfer is made: report it with its reference.
const evidence = `TRANSFER-${Date.now()}`;
const { reportDelivery } = await jz.reportDelivery({ input: { pledgeId: pledge.id, deliveredOn: today, evidence } });
console.log(`delivered ${reportDelivery.delivery!.size} yuan on ${reportDelivery.delivery!.deliveredOn}, evidence ${evidence}: ${reportDelivery.status}`);

// 4. Where we stand.
const ledger = (await jz.myDonor()).myDonor!.ledger;
console.log(`ledger: pledged ${ledger.pledged}, delivered ${ledger.delivered}, confirmed ${ledger.confirmed} yuan`);
