/**
 * Allocation of synthetic resident ID numbers (GB 11643): region code + birth date
 * YYYYMMDD + 3-digit sequence (odd for men, even for women) + MOD 11-2 check digit.
 *
 * Contract: every number handed out is unique among those allocated here and those passed
 * in as already used (e.g. read from the members table), so seeding twice never collides.
 * Sequences of one birth date and sex count up from the highest one in use; when a day's
 * 500 numbers for one sex are spent, the birth date moves one day earlier (never later, so
 * it never passes the reference date). Deterministic: it draws no randomness.
 */
import { withCheckDigit } from '../modules/member/id-number.js';

export class IdAllocator {
  /** Next free sequence by region + birth date + sex. */
  private readonly next = new Map<string, number>();

  constructor(used: Iterable<string> = []) {
    for (const id of used) {
      if (!/^\d{17}/.test(id)) continue;
      const seq = Number(id.slice(14, 17));
      const sex = seq % 2 === 1 ? '1' : '2';
      const key = id.slice(0, 14) + sex;
      if ((this.next.get(key) ?? 0) <= seq) this.next.set(key, seq + 2);
    }
  }

  /** A fresh 18-character ID for a person of `sex` ('1' male, '2' female) born on `birthDate` (YYYY-MM-DD). */
  allocate(region: string, birthDate: string, sex: string): string {
    let day = birthDate;
    for (;;) {
      const key = region + day.replace(/-/g, '') + sex;
      const seq = this.next.get(key) ?? (sex === '1' ? 1 : 2);
      if (seq <= 999) {
        this.next.set(key, seq + 2);
        return withCheckDigit(key.slice(0, 14) + String(seq).padStart(3, '0'));
      }
      day = dayBefore(day);
    }
  }
}

function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
