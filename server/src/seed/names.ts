/**
 * Synthetic Chinese names: a common surname of 湘西 (龙, 吴, 石, 麻, 杨, 田 … are frequent
 * among Miao and Tujia families) and one or two given-name characters chosen by sex.
 * Contract: pure; draws only from the given Rng. The names are invented, not real people's.
 */
import type { Rng } from './rng.js';

export const SURNAMES: readonly (readonly [string, number])[] = [
  ['龙', 12], ['吴', 12], ['石', 10], ['麻', 8], ['杨', 8], ['田', 7], ['施', 4], ['隆', 4], ['彭', 4], ['向', 4],
  ['张', 4], ['王', 3], ['李', 3], ['刘', 3], ['陈', 2], ['黄', 2], ['滕', 2], ['梁', 2], ['廖', 2], ['欧', 1],
  ['周', 1], ['胡', 1], ['宋', 1], ['谭', 1], ['唐', 1], ['侯', 1], ['秧', 1], ['时', 1], ['符', 1], ['金', 1],
];

const MALE = '志明军华国文建平伟勇成林海东春生金福贵清云光树德祥长兴友富顺强斌涛鹏杰老二三永正先开发荣';
const FEMALE = '英秀花兰梅芳玉凤珍桂香琴娟艳丽霞红翠莲燕婷慧敏静雪妹金银春菊群';

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A given name of one (30%) or two characters. */
export function givenName(rng: Rng, sex: string): string {
  const chars = sex === '2' ? FEMALE : MALE;
  const one = () => chars[rng.int(0, chars.length - 1)]!;
  return rng.chance(0.3) ? one() : one() + one();
}
