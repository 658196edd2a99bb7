import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_AREAS_FILE, inPrefix, levelOf, parentOf, parseCsvLine, readDemoAreas, readPackageAreas } from './area-source.js';
import { demoAreasCsv } from './make-demo-areas.js';

describe('area CSV reading', () => {
  it('parses simple CSV with quoted names', () => {
    expect(parseCsvLine('433124110226,"十八洞村",433124110,43,4331,433124')).toEqual(['433124110226', '十八洞村', '433124110', '43', '4331', '433124']);
    expect(parseCsvLine('1,"a ""b"", c",')).toEqual(['1', 'a "b", c', '']);
  });

  it('derives level and parent from the code length', () => {
    expect(['43', '4331', '433124', '433124110', '433124110226'].map(levelOf)).toEqual([1, 2, 3, 4, 5]);
    expect(parentOf('433124110226')).toBe('433124110');
    expect(parentOf('4331')).toBe('43');
    expect(parentOf('43')).toBeNull();
    expect(levelOf('4331241')).toBe(0);
  });

  it('keeps a prefix and its ancestors', () => {
    expect(['43', '4331', '433124', '433124110', '433125', '44'].filter((c) => inPrefix(c, '433124'))).toEqual(['43', '4331', '433124', '433124110']);
  });

  it('streams a county from the package: 花垣县 with its province, prefecture, 12 townships and 228 villages', async () => {
    const rows = [];
    for await (const r of readPackageAreas('433124')) rows.push(r);
    expect(rows.filter((r) => r.level === 5)).toHaveLength(228);
    expect(rows.filter((r) => r.level === 4)).toHaveLength(12);
    expect(rows.slice(0, 3).map((r) => r.name)).toEqual(['湖南省', '湘西土家族苗族自治州', '花垣县']);
    expect(rows.find((r) => r.code === '433124110226')).toEqual({ code: '433124110226', name: '十八洞村', level: 5, parentCode: '433124110' });
  });

  it('the committed demo slice is what make-demo-areas produces, and reads back the same', async () => {
    const { csv, rows } = await demoAreasCsv('433124');
    expect(readFileSync(DEMO_AREAS_FILE, 'utf8')).toBe(csv);
    const demo = [];
    for await (const r of readDemoAreas()) demo.push(r);
    expect(demo).toHaveLength(rows);
    const pkg = [];
    for await (const r of readPackageAreas('433124')) pkg.push(r);
    expect(demo).toEqual(pkg);
  });
});
