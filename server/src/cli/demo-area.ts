/** Where the demo lives: 花垣县 and its village 十八洞村. Kept apart from ./demo.ts so `jingzhun token` loads no seeding code. */
export const DEMO_COUNTY = '433124';
/** 十八洞村 of 花垣县, where a cadre token without a subject or area serves. */
export const DEMO_VILLAGE = '433124110226';
