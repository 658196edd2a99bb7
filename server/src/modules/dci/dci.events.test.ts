/** The DCI event of each register change (dci.events.ts), one worked example each. */
import { describe, expect, it } from 'vitest';
import { classify, follows } from './dci.events.js';

const status = (after: Record<string, unknown>) => classify({ type: 'household.statusChanged', payload: { operation: 'statusChange', after } });

describe('classify', () => {
  it('a registration is REGISTER; a yearly record and a plain correction are UPDATE', () => {
    expect(classify({ type: 'household.registered', payload: {} })).toEqual({ event: 'REGISTER', notify: 'REGISTER', kind: 'household.registered' });
    expect(classify({ type: 'household.yearRecorded', payload: { after: {} } })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.yearRecorded' });
    expect(classify({ type: 'household.corrected', payload: { after: { phone: '[redacted]', membersRemoved: [], membersAdded: [] } } })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.corrected' });
  });

  it('a correction that drops a member is member.removed (a swap too), one that only adds is member.added', () => {
    expect(classify({ type: 'household.corrected', payload: { after: { membersRemoved: ['m1'], membersAdded: ['m2'] } } }))
      .toEqual({ event: 'UPDATE', notify: 'NewHouseHoldMember', kind: 'member.removed', members: { removed: ['m1'], added: ['m2'] } });
    expect(classify({ type: 'household.corrected', payload: { after: { membersRemoved: [], membersAdded: ['m3'] } } })).toMatchObject({ kind: 'member.added', notify: 'NewHouseHoldMember' });
    expect(classify({ type: 'household.corrected', payload: { after: { membersRemoved: ['m1'], membersAdded: [] } } })).toMatchObject({ kind: 'member.removed', notify: 'REGISTER' });
  });

  it('removal 错评清退 is DELETE; exit, relapse and other status changes are UPDATE', () => {
    expect(status({ fromStage: 'REGISTERED', toStage: 'REMOVED', fromStatus: '0', toStatus: '0' })).toEqual({ event: 'DELETE', notify: 'REGISTER', kind: 'household.removed' });
    expect(status({ fromStage: 'REGISTERED', toStage: 'REGISTERED', fromStatus: '0', toStatus: '1' })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.exited' });
    expect(status({ fromStatus: '1', toStatus: '4' })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.statusChanged' });
    expect(status({ fromStatus: '1', toStatus: '3' })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.relapsed' });
    expect(status({ fromStage: 'CANDIDATE', toStage: 'REGISTERED', fromStatus: '0', toStatus: '0' })).toEqual({ event: 'UPDATE', notify: 'REGISTER', kind: 'household.statusChanged' });
  });

  it('other events are not DCI events', () => {
    expect(classify({ type: 'village.statusChanged', payload: {} })).toBeNull();
  });
});

describe('follows', () => {
  const ev = (event: string, notify = 'REGISTER') => ({ event, notify }) as never;
  it('ALL follows every event; the others only their own', () => {
    expect(['REGISTER', 'UPDATE', 'DELETE'].every((e) => follows('ALL', ev(e)))).toBe(true);
    expect(follows('DELETE', ev('DELETE'))).toBe(true);
    expect(follows('DELETE', ev('UPDATE'))).toBe(false);
  });

  it('NewHouseHoldMember follows only corrections that add members', () => {
    expect(follows('NewHouseHoldMember', ev('UPDATE', 'NewHouseHoldMember'))).toBe(true);
    expect(follows('NewHouseHoldMember', ev('UPDATE'))).toBe(false);
    expect(follows('NewHouseHoldMember', ev('REGISTER'))).toBe(false);
  });
});
