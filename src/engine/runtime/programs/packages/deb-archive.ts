// The Debian-family archives apt-get reads: which mirrors `apt-get update`
// fetches for a release, and the packages it then knows.
import { BOOKWORM_BASE, BOOKWORM_LDCONFIG, BOOKWORM_PACKAGES } from './bookworm.ts';
import { BOOKWORM_NEW_PATHS } from './bookworm-order.ts';
import { NOBLE_BASE, NOBLE_PACKAGES, NOBLE_UNPACK_ORDER } from './noble.ts';
import { JAMMY_BASE, JAMMY_PACKAGES, JAMMY_UNPACK_ORDER } from './jammy.ts';
import { FOCAL_BASE, FOCAL_PACKAGES, FOCAL_UNPACK_ORDER } from './focal.ts';
import { BIONIC_BASE, BIONIC_PACKAGES, BIONIC_UNPACK_ORDER } from './bionic.ts';
import { TRUSTY_BASE, TRUSTY_PACKAGES } from './trusty.ts';
import { BOOKWORM_UNPACK_ORDER } from './bookworm-order.ts';

export interface DebPackage {
  name: string;
  version: string;
  arch: string;
  /** Installed-Size, KiB. */
  installedKB: number;
  /** Size of the .deb, bytes. */
  size: number;
  /** Where apt fetches it: 'http://deb.debian.org/debian bookworm/main'. */
  origin: string;
  /** Multi-Arch: same (dpkg names it name:amd64). */
  multiArch: boolean;
  depends: string[];
  /** Pre-Depends (also in depends): configured before the package is unpacked. */
  preDepends: string[];
  recommends: string[];
  suggests: string[];
  section: string;
  description: string;
}

/** One index `apt-get update` fetches: its line and size. */
export interface IndexFile {
  /** What apt prints after Get:N (site, suite, component). */
  label: string;
  bytes: number;
  /** The file it becomes under /var/lib/apt/lists ('' for none). */
  list: string;
  /** Its size there, bytes. */
  listBytes: number;
}

export interface DebArchive {
  codename: string;
  /** apt 1.0 (trusty) prints differently from apt ≥ 1.1. */
  legacyApt: boolean;
  indexes: IndexFile[];
  /** Indexes apt 1.0 reports as Ign (trusty's missing InRelease). */
  ignored: string[];
  packages: Map<string, DebPackage>;
  base: Set<string>;
  /** Files and directories dpkg's database holds in the image. */
  baseFiles: number;
  /** libc-bin's version, for the ldconfig trigger. */
  libcBin: string;
  /** Packages that activate ldconfig's trigger; null: every package of section libs. */
  ldconfig: Set<string> | null;
  /** Paths each package adds to dpkg's database, where recorded. */
  newPaths: Map<string, number>;
  /** Columns apt's package lists fill before wrapping (apt 1.0: 79, apt 2: 78). */
  listWidth: number;
  /** apt's recorded unpack order for a plan of one named package (see bookworm-order.ts). */
  unpackOrder: Readonly<Record<string, string>>;
  /**
   * What invoke-rc.d prints when a postinst starts a service: null, as the
   * container's files decide (policy-rc.d or none); else this text.
   */
  invokeRcD: string | null;
}

function parseTable(lines: readonly string[], origins: Record<string, string>): Map<string, DebPackage> {
  const m = new Map<string, DebPackage>();
  for (const line of lines) {
    const [name, version, arch, inst, size, suite, dep, rec, sug, section, description, pre] = line.split('|') as string[];
    const words = (s: string | undefined) => (s ? s.split(' ').filter(Boolean) : []);
    m.set(name!, {
      name: name!,
      version: version!,
      arch: arch!,
      installedKB: Number(inst),
      size: Number(size),
      origin: origins[suite![0]!]!,
      multiArch: suite!.includes('s', 1),
      depends: words(dep),
      preDepends: words(pre),
      recommends: words(rec),
      suggests: words(sug),
      section: section!,
      description: description!,
    });
  }
  return m;
}

const DEB = 'http://deb.debian.org/debian';
const DEB_SEC = 'http://deb.debian.org/debian-security';

// Recorded from `apt-get update` on a bookworm system (sizes of December 2026).
const BOOKWORM_INDEXES: IndexFile[] = [
  { label: `${DEB} bookworm InRelease`, bytes: 151_075, list: 'deb.debian.org_debian_dists_bookworm_InRelease', listBytes: 151_075 },
  { label: `${DEB} bookworm-updates InRelease`, bytes: 55_403, list: 'deb.debian.org_debian_dists_bookworm-updates_InRelease', listBytes: 55_403 },
  { label: `${DEB_SEC} bookworm-security InRelease`, bytes: 34_770, list: 'deb.debian.org_debian-security_dists_bookworm-security_InRelease', listBytes: 34_770 },
  { label: `${DEB} bookworm/main amd64 Packages`, bytes: 8_790_000, list: 'deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages', listBytes: 50_060_337 },
  { label: `${DEB} bookworm-updates/main amd64 Packages`, bytes: 6_924, list: 'deb.debian.org_debian_dists_bookworm-updates_main_binary-amd64_Packages', listBytes: 32_757 },
  { label: `${DEB_SEC} bookworm-security/main amd64 Packages`, bytes: 386_000, list: 'deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages', listBytes: 2_582_634 },
];

const UB = 'http://archive.ubuntu.com';

/** ubuntu:14.04's sources.list: main, restricted and universe with their sources, security from the archive. */
function trustyIndexes(): IndexFile[] {
  const out: IndexFile[] = [];
  const list = (suite: string, rest: string) => `archive.ubuntu.com_ubuntu_dists_${suite}_${rest}`;
  const sizes: Record<string, [number, number, number, number, number, number]> = {
    // [main Sources, restricted Sources, universe Sources, main Packages, restricted Packages, universe Packages] (bytes)
    'trusty-updates': [532_000, 6_470, 288_000, 1_460_000, 21_400, 671_000],
    'trusty-security': [206_000, 5_050, 82_300, 1_032_000, 18_100, 382_000],
    trusty: [1_335_000, 5_335, 7_926_000, 1_743_000, 16_000, 7_589_000],
  };
  for (const suite of ['trusty-updates', 'trusty-security', 'trusty']) {
    if (suite === 'trusty') {
      out.push({ label: `${UB} trusty Release.gpg`, bytes: 933, list: list(suite, 'Release.gpg'), listBytes: 933 });
      out.push({ label: `${UB} trusty Release`, bytes: 58_500, list: list(suite, 'Release'), listBytes: 58_500 });
    } else {
      out.push({ label: `${UB} ${suite} InRelease`, bytes: 65_900, list: list(suite, 'InRelease'), listBytes: 65_900 });
    }
    const s = sizes[suite]!;
    const comps = ['main', 'restricted', 'universe'];
    comps.forEach((c, i) => out.push({ label: `${UB} ${suite}/${c} Sources`, bytes: s[i]!, list: list(suite, `${c}_source_Sources`), listBytes: s[i]! * 4 }));
    comps.forEach((c, i) => out.push({ label: `${UB} ${suite}/${c} amd64 Packages`, bytes: s[i + 3]!, list: list(suite, `${c}_binary-amd64_Packages`), listBytes: s[i + 3]! * 5 }));
  }
  return out;
}

const UB_SEC = 'http://security.ubuntu.com';

/** One index of an Ubuntu release: its pocket ('' for the release itself), then InRelease or a component's Packages, and the bytes apt prints. */
type UbuntuIndex = readonly [pocket: '' | 'security' | 'updates' | 'backports', what: string, bytes: number];

/**
 * The sources of Ubuntu's images since 18.04: the release, -updates and
 * -backports from archive.ubuntu.com, -security from security.ubuntu.com,
 * main restricted universe multiverse; the images' apt configuration fetches
 * gzip indexes and no translations, and keeps them lz4-compressed. The
 * indexes come in the order parallel downloads finish in on a typical run.
 */
function ubuntuIndexes(codename: string, indexes: readonly UbuntuIndex[]): IndexFile[] {
  return indexes.map(([pocket, what, bytes]) => {
    const site = pocket === 'security' ? UB_SEC : UB;
    const suite = pocket ? `${codename}-${pocket}` : codename;
    const list = (rest: string) => `${site.slice(7)}_ubuntu_dists_${suite}_${rest}`;
    if (what === 'InRelease') return { label: `${site}/ubuntu ${suite} InRelease`, bytes, list: list('InRelease'), listBytes: bytes };
    return { label: `${site}/ubuntu ${suite}/${what} amd64 Packages`, bytes, list: list(`${what}_binary-amd64_Packages.lz4`), listBytes: Math.round(bytes * 1.45) };
  });
}

/**
 * noble: InRelease sizes as apt prints them (noble 256 kB, the others
 * 126 kB: e.g. https://github.com/wazuh/wazuh/issues/30869); Packages sizes
 * are the .gz indexes of mid-2025 (noble/main 1808 kB, universe 19.3 MB,
 * restricted 117 kB, multiverse 331 kB; the pockets' approximate).
 */
const NOBLE_INDEXES: readonly UbuntuIndex[] = [
  ['', 'InRelease', 256_000],
  ['security', 'InRelease', 126_000],
  ['updates', 'InRelease', 126_000],
  ['backports', 'InRelease', 126_000],
  ['security', 'main', 1_313_000],
  ['', 'universe', 19_300_000],
  ['security', 'restricted', 1_620_000],
  ['security', 'universe', 1_085_000],
  ['security', 'multiverse', 33_100],
  ['', 'main', 1_808_000],
  ['', 'restricted', 117_000],
  ['', 'multiverse', 331_000],
  ['updates', 'main', 1_673_000],
  ['updates', 'universe', 1_512_000],
  ['updates', 'restricted', 1_706_000],
  ['updates', 'multiverse', 36_000],
  ['backports', 'universe', 33_900],
  ['backports', 'main', 48_800],
];

/**
 * jammy: InRelease 270 kB, -security 129 kB, -updates 128 kB, -backports
 * 127 kB as apt printed them in 2025; jammy/main 1792 kB, universe 17.5 MB,
 * restricted 164 kB, multiverse 266 kB; the pockets' approximate.
 */
const JAMMY_INDEXES: readonly UbuntuIndex[] = [
  ['', 'InRelease', 270_000],
  ['security', 'InRelease', 129_000],
  ['updates', 'InRelease', 128_000],
  ['backports', 'InRelease', 127_000],
  ['', 'universe', 17_500_000],
  ['security', 'main', 3_017_000],
  ['security', 'restricted', 4_468_000],
  ['security', 'universe', 1_256_000],
  ['security', 'multiverse', 47_700],
  ['', 'main', 1_792_000],
  ['', 'multiverse', 266_000],
  ['', 'restricted', 164_000],
  ['updates', 'restricted', 4_617_000],
  ['updates', 'universe', 1_559_000],
  ['updates', 'multiverse', 55_700],
  ['updates', 'main', 3_334_000],
  ['backports', 'main', 83_200],
  ['backports', 'universe', 35_200],
];

/**
 * focal: InRelease 265 kB, -security 128 kB, -updates 128 kB, -backports
 * 128 kB as apt 2.0 printed them in 2025; focal/main 1275 kB, universe
 * 11.3 MB, restricted 33.4 kB, multiverse 177 kB; the pockets' approximate.
 */
const FOCAL_INDEXES: readonly UbuntuIndex[] = [
  ['security', 'InRelease', 128_000],
  ['', 'InRelease', 265_000],
  ['updates', 'InRelease', 128_000],
  ['backports', 'InRelease', 128_000],
  ['security', 'main', 4_280_000],
  ['', 'universe', 11_300_000],
  ['security', 'restricted', 4_420_000],
  ['security', 'universe', 1_300_000],
  ['security', 'multiverse', 31_000],
  ['', 'main', 1_275_000],
  ['', 'multiverse', 177_000],
  ['', 'restricted', 33_400],
  ['updates', 'restricted', 4_580_000],
  ['updates', 'universe', 1_590_000],
  ['updates', 'multiverse', 34_800],
  ['updates', 'main', 4_750_000],
  ['backports', 'universe', 28_600],
  ['backports', 'main', 55_200],
];

/**
 * bionic: InRelease 242 kB, -security and -updates 88.7 kB, -backports
 * 83.3 kB as apt 1.6 printed them in 2023; bionic/main 1344 kB, universe
 * 11.3 MB, restricted 13.5 kB, multiverse 186 kB; the pockets' approximate.
 */
const BIONIC_INDEXES: readonly UbuntuIndex[] = [
  ['security', 'InRelease', 88_700],
  ['', 'InRelease', 242_000],
  ['updates', 'InRelease', 88_700],
  ['backports', 'InRelease', 83_300],
  ['security', 'main', 3_373_000],
  ['', 'universe', 11_300_000],
  ['security', 'restricted', 1_580_000],
  ['security', 'universe', 1_637_000],
  ['security', 'multiverse', 23_800],
  ['', 'multiverse', 186_000],
  ['', 'restricted', 13_500],
  ['', 'main', 1_344_000],
  ['updates', 'main', 3_786_000],
  ['updates', 'restricted', 1_620_000],
  ['updates', 'universe', 2_411_000],
  ['updates', 'multiverse', 30_800],
  ['backports', 'main', 64_000],
  ['backports', 'universe', 20_600],
];

/** What an Ubuntu release of the modern images brings to its archive. */
interface UbuntuRelease {
  indexes: readonly UbuntuIndex[];
  packages: readonly string[];
  base: string;
  /** "(Reading database ... N files and directories currently installed.)" on the image. */
  baseFiles: number;
  libcBin: string;
  unpackOrder: Readonly<Record<string, string>>;
}

/** The archive of an Ubuntu release as its image's apt sees it. */
function ubuntuArchive(codename: string, r: UbuntuRelease): DebArchive {
  return {
    codename,
    legacyApt: false,
    indexes: ubuntuIndexes(codename, r.indexes),
    ignored: [],
    // table suites: m release/main, u -updates/main, n release/universe, w -updates/universe
    packages: parseTable(r.packages, {
      m: `${UB}/ubuntu ${codename}/main`,
      u: `${UB}/ubuntu ${codename}-updates/main`,
      n: `${UB}/ubuntu ${codename}/universe`,
      w: `${UB}/ubuntu ${codename}-updates/universe`,
    }),
    base: new Set(r.base.split(' ')),
    baseFiles: r.baseFiles,
    libcBin: r.libcBin,
    ldconfig: null,
    newPaths: new Map(),
    listWidth: 78,
    unpackOrder: r.unpackOrder,
    // no init system in the container, and the image's policy-rc.d (exit 101)
    invokeRcD: 'invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n',
  };
}

/** The releases of the modern Ubuntu images, by codename. */
const UBUNTU_RELEASES: Readonly<Record<string, UbuntuRelease>> = {
  // "(Reading database ... 4371 files" (https://github.com/curl/curl/issues/14154)
  noble: { indexes: NOBLE_INDEXES, packages: NOBLE_PACKAGES, base: NOBLE_BASE, baseFiles: 4_371, libcBin: '2.39-0ubuntu8.5', unpackOrder: NOBLE_UNPACK_ORDER },
  jammy: { indexes: JAMMY_INDEXES, packages: JAMMY_PACKAGES, base: JAMMY_BASE, baseFiles: 4_395, libcBin: '2.35-0ubuntu3.10', unpackOrder: JAMMY_UNPACK_ORDER },
  focal: { indexes: FOCAL_INDEXES, packages: FOCAL_PACKAGES, base: FOCAL_BASE, baseFiles: 4_124, libcBin: '2.31-0ubuntu9.17', unpackOrder: FOCAL_UNPACK_ORDER },
  bionic: { indexes: BIONIC_INDEXES, packages: BIONIC_PACKAGES, base: BIONIC_BASE, baseFiles: 4_046, libcBin: '2.27-3ubuntu1.6', unpackOrder: BIONIC_UNPACK_ORDER },
};

let cache: Map<string, DebArchive> | null = null;

function archives(): Map<string, DebArchive> {
  if (cache !== null) return cache;
  cache = new Map([
    [
      'bookworm',
      {
        codename: 'bookworm',
        legacyApt: false,
        indexes: BOOKWORM_INDEXES,
        ignored: [],
        packages: parseTable(BOOKWORM_PACKAGES, { m: `${DEB} bookworm/main`, u: `${DEB_SEC} bookworm-security/main` }),
        base: new Set(BOOKWORM_BASE.split(' ')),
        baseFiles: 6_094,
        libcBin: '2.36-9+deb12u14',
        ldconfig: new Set(BOOKWORM_LDCONFIG.split(' ')),
        newPaths: new Map(BOOKWORM_NEW_PATHS.split(' ').map((kv) => [kv.split(':')[0]!, Number(kv.split(':')[1])])),
        listWidth: 78,
        unpackOrder: BOOKWORM_UNPACK_ORDER,
        invokeRcD: null,
      },
    ],
    ...Object.entries(UBUNTU_RELEASES).map(([codename, r]) => [codename, ubuntuArchive(codename, r)] as const),
    [
      'trusty',
      {
        codename: 'trusty',
        legacyApt: true,
        indexes: trustyIndexes(),
        ignored: [`${UB} trusty InRelease`],
        packages: parseTable(TRUSTY_PACKAGES, {
          m: `${UB}/ubuntu/ trusty/main`,
          u: `${UB}/ubuntu/ trusty-updates/main`,
          s: `${UB}/ubuntu/ trusty-security/main`,
        }),
        base: new Set(TRUSTY_BASE.split(' ')),
        baseFiles: 11_542,
        libcBin: '2.19-0ubuntu6.15',
        ldconfig: null,
        newPaths: new Map(),
        listWidth: 79,
        unpackOrder: {},
        invokeRcD: null,
      },
    ],
  ]);
  return cache;
}

/** The archive of a release by codename, or null when Berth has none for it. */
export function debArchive(codename: string): DebArchive | null {
  return archives().get(codename) ?? null;
}
