// /etc/os-release as each distribution writes it, byte for byte.

export const BOOKWORM_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const BUSTER_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 10 (buster)"
NAME="Debian GNU/Linux"
VERSION_ID="10"
VERSION="10 (buster)"
VERSION_CODENAME=buster
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const STRETCH_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 9 (stretch)"
NAME="Debian GNU/Linux"
VERSION_ID="9"
VERSION="9 (stretch)"
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const JESSIE_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
NAME="Debian GNU/Linux"
VERSION_ID="8"
VERSION="8 (jessie)"
ID=debian
HOME_URL="http://www.debian.org/"
SUPPORT_URL="http://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

export const CENTOS8_OS_RELEASE = `NAME="CentOS Linux"
VERSION="8"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="8"
PLATFORM_ID="platform:el8"
PRETTY_NAME="CentOS Linux 8"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:8"
HOME_URL="https://centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"
CENTOS_MANTISBT_PROJECT="CentOS-8"
CENTOS_MANTISBT_PROJECT_VERSION="8"
`;

export const CENTOS7_OS_RELEASE = `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"

CENTOS_MANTISBT_PROJECT="CentOS-7"
CENTOS_MANTISBT_PROJECT_VERSION="7"
REDHAT_SUPPORT_PRODUCT="centos"
REDHAT_SUPPORT_PRODUCT_VERSION="7"

`;

/** Alpine's /etc/os-release: plain-http addresses before 3.10, the GitLab tracker from 3.13. */
export function alpineOsRelease(version: string, branch: string): string {
  const minor = Number(branch.split('.')[1]);
  const [home, bugs] =
    minor < 10
      ? ['http://alpinelinux.org', 'http://bugs.alpinelinux.org']
      : ['https://alpinelinux.org/', minor < 13 ? 'https://bugs.alpinelinux.org/' : 'https://gitlab.alpinelinux.org/alpine/aports/-/issues'];
  return `NAME="Alpine Linux"
ID=alpine
VERSION_ID=${version}
PRETTY_NAME="Alpine Linux v${branch}"
HOME_URL="${home}"
BUG_REPORT_URL="${bugs}"
`;
}

interface UbuntuRelease {
  /** "24.04.3 LTS", "15.10". */
  version: string;
  codename: string;
  /** "Noble Numbat". */
  name: string;
  /** Debian's testing of the day, in /etc/debian_version. */
  debian: string;
}

export const UBUNTU_RELEASES: Record<string, UbuntuRelease> = {
  '24.04': { version: '24.04.3 LTS', codename: 'noble', name: 'Noble Numbat', debian: 'trixie/sid' },
  '22.04': { version: '22.04.5 LTS', codename: 'jammy', name: 'Jammy Jellyfish', debian: 'bookworm/sid' },
  '20.04': { version: '20.04.6 LTS', codename: 'focal', name: 'Focal Fossa', debian: 'bullseye/sid' },
  '18.04': { version: '18.04.6 LTS', codename: 'bionic', name: 'Bionic Beaver', debian: 'buster/sid' },
  '16.04': { version: '16.04.7 LTS', codename: 'xenial', name: 'Xenial Xerus', debian: 'stretch/sid' },
  '15.10': { version: '15.10', codename: 'wily', name: 'Wily Werewolf', debian: 'jessie/sid' },
  '14.04': { version: '14.04.6 LTS', codename: 'trusty', name: 'Trusty Tahr', debian: 'jessie/sid' },
  '12.04': { version: '12.04.5 LTS', codename: 'precise', name: 'Precise Pangolin', debian: 'wheezy/sid' },
};

/** /etc/os-release of an Ubuntu release, in the field order and wording of that release. */
export function ubuntuOsRelease(id: string): string {
  const r = UBUNTU_RELEASES[id]!;
  const pretty = id === '12.04' ? `Ubuntu ${r.codename} (${r.version})` : `Ubuntu ${r.version}`;
  const major = Number(id.split('.')[0]);
  if (major >= 22) {
    return `PRETTY_NAME="${pretty}"
NAME="Ubuntu"
VERSION_ID="${id}"
VERSION="${r.version} (${r.name})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${r.codename}
${major >= 24 ? 'LOGO=ubuntu-logo\n' : ''}`;
  }
  const version = major <= 14 ? `${r.version}, ${r.name}` : `${r.version} (${r.name})`;
  const https = major >= 18 ? 'https' : 'http';
  let text = `NAME="Ubuntu"
VERSION="${version}"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="${pretty}"
VERSION_ID="${id}"
`;
  if (major >= 14) {
    text += `HOME_URL="${https}://www.ubuntu.com/"
SUPPORT_URL="${https}://help.ubuntu.com/"
BUG_REPORT_URL="${https}://bugs.launchpad.net/ubuntu/"
`;
  }
  if (major >= 18) text += 'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\n';
  if (major >= 16) text += `VERSION_CODENAME=${r.codename}\nUBUNTU_CODENAME=${r.codename}\n`;
  return text;
}
