/** Code lists of the annual update round 年度动态调整 (this registry's own codes, not national ones). */
import { codeList } from './code-list.js';

export const RoundStatus = codeList('UpdateRoundStatus', 'State of an annual update round 年度动态调整.', {
  OPEN: ['OPEN', '进行中', 'open: cadres record the year'],
  CLOSED: ['CLOSED', '已结束', 'closed: standings computed and stored'],
});

export const StandingResult = codeList('StandingResult', 'A household’s standing for a year as stored when an update round closed.', {
  ABOVE: ['ABOVE', '高于标准', 'per-capita net income above the line'],
  BELOW: ['BELOW', '未超过标准', 'per-capita net income at or under the line'],
  NO_RECORD: ['NO_RECORD', '未更新', 'no record of the year when the round closed'],
  NO_LINE: ['NO_LINE', '无标准', 'no poverty line for the year under the household’s standard'],
});
