// Quickstart: the households of 花垣县 whose per-capita net income is under 2,000 yuan.
// Run against a started server: JINGZHUN_URL=… JINGZHUN_TOKEN=… pnpm --filter @jingzhun/example-quickstart start
import { createClient, paginate } from '@jingzhun/sdk';

const jz = createClient({ url: process.env.JINGZHUN_URL ?? 'http://127.0.0.1:4000/graphql', token: process.env.JINGZHUN_TOKEN });

const filter = { areaCode: '433124', perCapitaIncomeMax: 2000 };
let count = 0;
for await (const h of paginate((after) => jz.households({ filter, first: 100, after }).then((d) => d.households))) {
  if (count++ < 5) console.log(h.number, h.village?.name, h.causes.join('+'), h.year?.perCapitaNetIncome);
}
console.log(`${count} households under 2,000 yuan per person`);
