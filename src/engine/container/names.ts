// Docker's container name generator (moby `namesgenerator`, GetRandomName):
// a left word (an adjective), "_", a right word (a notable scientist or
// hacker), and on a retry one random digit. The lists are frozen upstream and
// the same in dockerd 20.10 and 28.x.
import type { IdSource } from '../platform.ts';

/** The adjectives, in upstream order (108 words). */
export const LEFT_WORDS: readonly string[] = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful',
  'blissful', 'bold', 'boring', 'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent',
  'condescending', 'confident', 'cool', 'cranky', 'crazy', 'dazzling', 'determined', 'distracted',
  'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic', 'exciting',
  'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny', 'gallant', 'gifted',
  'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry', 'infallible',
  'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing',
  'loving', 'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice',
  'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical',
  'priceless', 'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent', 'romantic', 'sad',
  'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange', 'stupefied', 'suspicious', 'sweet',
  'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant', 'vigorous',
  'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

/** The surnames, in upstream order (236 words). */
export const RIGHT_WORDS: readonly string[] = [
  'agnesi', 'albattani', 'allen', 'almeida', 'antonelli', 'archimedes', 'ardinghelli', 'aryabhata',
  'austin', 'babbage', 'banach', 'banzai', 'bardeen', 'bartik', 'bassi', 'beaver', 'bell', 'benz',
  'bhabha', 'bhaskara', 'black', 'blackburn', 'blackwell', 'bohr', 'booth', 'borg', 'bose',
  'bouman', 'boyd', 'brahmagupta', 'brattain', 'brown', 'buck', 'burnell', 'cannon', 'carson',
  'cartwright', 'carver', 'cerf', 'chandrasekhar', 'chaplygin', 'chatelet', 'chatterjee', 'chaum',
  'chebyshev', 'clarke', 'cohen', 'colden', 'cori', 'cray', 'curie', 'curran', 'darwin', 'davinci',
  'dewdney', 'dhawan', 'diffie', 'dijkstra', 'dirac', 'driscoll', 'dubinsky', 'easley', 'edison',
  'einstein', 'elbakyan', 'elgamal', 'elion', 'ellis', 'engelbart', 'euclid', 'euler', 'faraday',
  'feistel', 'fermat', 'fermi', 'feynman', 'franklin', 'gagarin', 'galileo', 'galois', 'ganguly',
  'gates', 'gauss', 'germain', 'goldberg', 'goldstine', 'goldwasser', 'golick', 'goodall', 'gould',
  'greider', 'grothendieck', 'haibt', 'hamilton', 'haslett', 'hawking', 'heisenberg', 'hellman',
  'hermann', 'herschel', 'hertz', 'heyrovsky', 'hodgkin', 'hofstadter', 'hoover', 'hopper', 'hugle',
  'hypatia', 'ishizaka', 'jackson', 'jang', 'jemison', 'jennings', 'jepsen', 'johnson', 'joliot',
  'jones', 'kalam', 'kapitsa', 'kare', 'keldysh', 'keller', 'kepler', 'khayyam', 'khorana', 'kilby',
  'kirch', 'knuth', 'kowalevski', 'lalande', 'lamarr', 'lamport', 'leakey', 'leavitt', 'lederberg',
  'lehmann', 'lewin', 'lichterman', 'liskov', 'lovelace', 'lumiere', 'mahavira', 'margulis',
  'matsumoto', 'maxwell', 'mayer', 'mccarthy', 'mcclintock', 'mclaren', 'mclean', 'mcnulty',
  'meitner', 'mendel', 'mendeleev', 'meninsky', 'merkle', 'mestorf', 'mirzakhani', 'montalcini',
  'moore', 'morse', 'moser', 'murdock', 'napier', 'nash', 'neumann', 'newton', 'nightingale',
  'nobel', 'noether', 'northcutt', 'noyce', 'panini', 'pare', 'pascal', 'pasteur', 'payne',
  'perlman', 'pike', 'poincare', 'poitras', 'proskuriakova', 'ptolemy', 'raman', 'ramanujan',
  'rhodes', 'ride', 'ritchie', 'robinson', 'roentgen', 'rosalind', 'rubin', 'saha', 'sammet',
  'sanderson', 'satoshi', 'shamir', 'shannon', 'shaw', 'shirley', 'shockley', 'shtern', 'sinoussi',
  'snyder', 'solomon', 'spence', 'stonebraker', 'sutherland', 'swanson', 'swartz', 'swirles',
  'taussig', 'tesla', 'tharp', 'thompson', 'torvalds', 'tu', 'turing', 'varahamihira', 'vaughan',
  'villani', 'visvesvaraya', 'volhard', 'wescoff', 'wilbur', 'wiles', 'williams', 'williamson',
  'wilson', 'wing', 'wozniak', 'wright', 'wu', 'yalow', 'yonath', 'zhukovsky',
];

const LEFT_SET = new Set(LEFT_WORDS);
const RIGHT_SET = new Set(RIGHT_WORDS);

/** Steve Wozniak is not boring: upstream draws again when it gets this name. */
const NEVER = 'boring_wozniak';

/**
 * A random name like `nervous_shaw`. `retry` > 0 (the daemon's second and
 * later attempts after a name clash) appends one random digit, as upstream.
 */
export function generateName(ids: IdSource, retry: number): string {
  let name: string;
  do {
    name = LEFT_WORDS[ids.randomInt(LEFT_WORDS.length)] + '_' + RIGHT_WORDS[ids.randomInt(RIGHT_WORDS.length)];
  } while (name === NEVER);
  if (retry > 0) name += String(ids.randomInt(10));
  return name;
}

const SHAPE = /^([a-z]+)_([a-z]+)(\d?)$/;

/** Whether `s` is a name `generateName` can return (retry digit included). */
export function isGeneratedName(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const [, left, right] = m;
  return LEFT_SET.has(left!) && RIGHT_SET.has(right!) && `${left}_${right}` !== NEVER;
}
