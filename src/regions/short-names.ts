/**
 * The names a region is written by besides its full name, derived from the
 * full name as officials and statisticians shorten it: the level word goes
 * (苏州市 → 苏州, 吴中区 → 吴中, 和田地区 → 和田, 锡林郭勒盟 → 锡林郭勒), and an
 * autonomous region, prefecture, county or banner loses its peoples
 * (楚雄彝族自治州 → 楚雄州, 楚雄, 楚雄自治州; 新疆维吾尔自治区 → 新疆;
 * 长阳土家族自治县 → 长阳县, 长阳, 长阳自治县). A stem of one character is no
 * name (城区, 郊区, 沛县 keep only their full names).
 */
/** The 55 minority peoples as autonomous names write them (without 族), and 各族 (龙胜各族自治县). */
const PEOPLES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲',
  '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米',
  '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length);

/** Level words, longest first; each is dropped only when at least two characters stay. */
const SUFFIXES = ['特别行政区', '地区', '特区', '矿区', '省', '市', '区', '县', '旗', '盟'];

/**
 * Names the rules would shorten wrongly, with their short names: 林区 and
 * 新区 end only these few names as level words (万柏林区 is 万柏林 + 区, 清新区
 * 清新 + 区, a 高新区 高新 + 区).
 */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  神农架林区: ['神农架'],
  浦东新区: ['浦东'],
  滨海新区: ['滨海'],
  沈北新区: ['沈北'],
};

const AUTONOMOUS = /^(.+?)自治(州|县|旗|区)$/;

/** The people at the end of `s` (土家族, 蒙古, 水族), or undefined. A one-character people needs its 族. */
function trailingPeople(s: string): string | undefined {
  for (const p of PEOPLES) {
    if (s.endsWith(`${p}族`)) return `${p}族`;
    if (p.length >= 2 && s.endsWith(p)) return p;
  }
  return undefined;
}

/** 楚雄彝族 → 楚雄; 东乡族 → 东乡 (the people is the place); 内蒙古 → 内蒙古 (内 is no name). */
function autonomousStem(s: string): string {
  let stem = s;
  for (;;) {
    const p = trailingPeople(stem);
    if (p === undefined) return stem;
    const rest = stem.slice(0, -p.length);
    if (rest.length >= 2) {
      stem = rest;
      continue;
    }
    if (rest.length === 0 && stem === s) return p.replace(/族$/, '');
    return stem;
  }
}

export function deriveShortNames(name: string): string[] {
  const exception = EXCEPTIONS[name];
  if (exception !== undefined) return [...exception];
  const out: string[] = [];
  const add = (s: string): void => {
    if (s.length >= 2 && s !== name && !out.includes(s)) out.push(s);
  };
  const auto = AUTONOMOUS.exec(name);
  if (auto !== null) {
    const stem = autonomousStem(auto[1] as string);
    const word = auto[2] as string;
    if (word === '区') {
      add(stem);
    } else {
      add(`${stem}${word}`);
      add(stem);
      add(`${stem}自治${word}`);
    }
    return out;
  }
  for (const suffix of SUFFIXES) {
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) {
      add(name.slice(0, -suffix.length));
      break;
    }
  }
  return out;
}
