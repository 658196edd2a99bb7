/**
 * Issue 15's remaining domain rules on worked examples, in township 433124106 (villages
 * picked at random; no other file counts households there): the application form
 * without a status (item 9).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, type Client } from '@jingzhun/sdk';
import { clientAs } from '../support/context.js';
import { freshApplication } from '../support/forms.js';
import { daysAgo } from '../support/dates.js';

const TOWNSHIP = '433124106';
let village: string;
let county: Client;
let cadre: Client;

beforeAll(async () => {
  county = await clientAs({ role: 'official', area: '433124', sub: 'county-domain-rules' });
  const villages = (await county.villages({ filter: { areaCode: TOWNSHIP }, first: 100 })).villages.nodes;
  village = villages[Math.floor(Math.random() * villages.length)].code;
  cadre = await clientAs({ role: 'cadre', area: village, sub: 'cadre-domain-rules' });
});

describe('the application form (item 9)', () => {
  it('takes no status: the procedure sets it (NOT_OUT, not yet identified)', async () => {
    const { fileApplication } = await cadre.fileApplication({ input: { household: freshApplication(village), year: 2019, date: daysAgo(2) } });
    expect(fileApplication.household).toMatchObject({ stage: 'CANDIDATE', status: 'NOT_OUT', firstIdentifiedDate: null, exitYear: null });
  });

  it('refuses a status, identification date or exit year given with it', async () => {
    for (const extra of [{ status: 'OUT_WITH_POLICY' }, { firstIdentifiedDate: '2014-10-15' }, { exitYear: 2016 }]) {
      const household = { ...freshApplication(village), ...extra } as ReturnType<typeof freshApplication>;
      const e = await cadre.fileApplication({ input: { household, year: 2019 } }).catch((x) => x);
      expect(e).toBeInstanceOf(BadUserInputError);
      expect(e.message).toContain(Object.keys(extra)[0]);
    }
  });
});
