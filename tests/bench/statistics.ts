/**
 * Statistics in `pnpm bench` (issue 10): the county's register by township (12 groups),
 * by township × status × main cause (hundreds of groups), and a dashboard's whole first
 * screen in one request (register, flows, series, incidence, income, monitoring,
 * assistance), each as p50/p95 latency and SQL statements, for an official and an analyst
 * (suppression on). The figures come from the maintained aggregates, so they should not
 * grow with the households seeded.
 */
import { createClient, DashboardDocument, RegisterStatisticsDocument, type ResponseInfo, type StatisticsDimension } from '@jingzhun/sdk';

const REQUESTS = Number(process.env.BENCH_STAT_REQUESTS || 100);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function benchStatistics(label: string, url: string, sign: (claims: Record<string, unknown>) => Promise<string>) {
  for (const role of ['official', 'analyst']) {
    const jz = createClient({ url, token: await sign({ role, area: '433124' }) });
    const run = async (what: string, call: (info: ResponseInfo) => Promise<number>) => {
      const times: number[] = [];
      let statements = 0;
      let groups = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const info: ResponseInfo = {};
        const t = performance.now();
        groups = await call(info);
        times.push(performance.now() - t);
        statements = info.extensions?.sqlStatements as number;
      }
      const warm = times.slice(5);
      console.log(`${label}: statistics (${role}) ${what}: ${groups} groups, p50 ${pct(warm, 50).toFixed(1)} ms, p95 ${pct(warm, 95).toFixed(1)} ms, SQL statements ${statements}`);
    };
    const register = (groupBy: StatisticsDimension[]) => async (info: ResponseInfo) =>
      (await jz.request(RegisterStatisticsDocument, { input: { areaCode: '433124', groupBy } }, info)).statistics.register.cells.length;
    await run('register by township', register(['CHILD_AREA']));
    await run('register by township × status × main cause', register(['CHILD_AREA', 'STATUS', 'MAIN_CAUSE']));
    await run('register by township × sex × age band', register(['CHILD_AREA', 'SEX', 'AGE_BAND']));
    await run('dashboard first screen (one request, every part, by township)', async (info) =>
      (await jz.request(DashboardDocument, { input: { areaCode: '433124', year: 2015, groupBy: ['CHILD_AREA'] } }, info)).statistics.register.cells.length);
  }
}
