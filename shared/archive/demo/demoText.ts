import type { SeededRandom } from '../../graph/seededRandom';

/** Phrase pools per tweet language; combined at random so background texts rarely repeat. */
export const PHRASES: Record<string, readonly string[]> = {
  zh: [
    '香港是中國的香港', '暴徒衝擊立法會', '支持香港警察依法執法', '外國勢力插手香港事務',
    '金鐘今晚再有示威', '止暴制亂 恢復秩序', '反對修例的人被利用了', '維護一國兩制',
    '市民受夠了堵路', '"和平"示威？看看他們做了什麼', '法治是香港的核心價值', '元朗站發生衝突',
    '警方在旺角清場', '年輕人不要被煽動', '香港經濟受到嚴重影響', '灣仔稅務大樓被圍堵',
  ],
  en: [
    'Hong Kong needs peace', 'Stop the violence now', 'Foreign forces behind the protests',
    'Support the police', 'Rule of law matters', "Protesters' \"peaceful\" march turned violent",
    'Business owners are suffering', 'Read the full story', 'Who is funding this?',
  ],
  ar: ['السلام في هونغ كونغ', 'أوقفوا العنف', 'قوى أجنبية وراء الاحتجاجات', 'الحقيقة الكاملة هنا'],
  he: ['שלום בהונג קונג', 'עצרו את האלימות', 'כוחות זרים מאחורי ההפגנות', 'קראו את הכתבה המלאה'],
  fa: ['صلح در هنگ کنگ', 'خشونت را متوقف کنید', 'نیروهای خارجی پشت اعتراضات', 'حقیقت را بخوانید'],
};

export const EMOJI = ['🇭🇰', '🇨🇳', '🔥', '😡', '👍', '🙏', '💔', '‼️', '👇', '🤔'];
export const HASHTAGS = [
  '香港', '金鐘', '外國勢力', '反送中', '止暴制亂', 'HongKong', 'HongKongProtests', 'StandWithHK',
  'هونغ_كونغ', 'הונג_קונג', 'هنگ_کنگ', '一國兩制',
];
export const LINK_DOMAINS = [
  'http://goo.gl/', 'https://bit.ly/', 'https://www.news-example.hk/article/', 'http://dwz.cn/',
  'https://video.example.cn/v/',
];
export const LOCATIONS = ['', '', '', 'Hong Kong', '香港', 'Tsuen Wan District, Hong Kong', 'Beijing', 'طهران', 'תל אביב', 'California, USA'];
export const DESCRIPTIONS = [
  '', '', '', '愛港、愛國，關注時政、民生。', 'Love Hong Kong, love China.', 'news • politics • 新聞',
  'مراسل مستقل', 'חדשות ועוד', 'خبرنگار', 'test new owner', '熱愛生活\n關注香港', 'Say "no" to violence 🙏',
];
export const TEXT_LANGUAGES = ['zh', 'zh', 'zh', 'zh', 'en', 'en', 'ar', 'he', 'fa', 'und'] as const;
export const ACCOUNT_LANGUAGE: Record<string, readonly string[]> = {
  zh: ['zh-cn', 'zh-CN', 'zh-tw'], en: ['en', 'en-gb'], ar: ['ar'], he: ['he'], fa: ['fa'], und: ['en', 'zh-cn'],
};
export const NAME_WORDS = ['news', 'hk', 'lily', 'peace', 'truth', 'daily', 'mei', 'ahmad', 'noa', 'reza'];

const SHORT = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function shortCode(rng: SeededRandom, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += SHORT[rng.int(SHORT.length)];
  return s;
}

export function tcoLink(rng: SeededRandom): string {
  return 'https://t.co/' + shortCode(rng, 10);
}

/** A free text in a language: 1–3 phrases, sometimes emoji, ~30% with an embedded newline. */
export function demoText(rng: SeededRandom, lang: string): string {
  const pool = PHRASES[lang === 'und' ? 'zh' : lang] ?? PHRASES.en!;
  const parts: string[] = [];
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i++) parts.push(rng.pick(pool));
  if (lang === 'und' || rng.chance(0.3)) parts.push(rng.pick(EMOJI));
  if (rng.chance(0.4)) parts.push(String(rng.int(10_000)));
  const sep = rng.chance(0.5) ? '\n' : ' ';
  return parts.join(sep);
}
