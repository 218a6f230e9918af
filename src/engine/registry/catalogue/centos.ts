// centos:8 (latest, 8.4.2105) and centos:7 (7.9.2009): the last images the
// CentOS project pushed (CentOS/sig-cloud-instance-images), one ADD layer each.
import { centosRoot } from './linux.ts';
import { CENTOS7_OS_RELEASE, CENTOS8_OS_RELEASE } from './osrelease.ts';
import { PATH_ENV, type ImageRecipe } from './recipe.ts';

export const CENTOS8: ImageRecipe = {
  repo: 'library/centos',
  tags: ['latest', '8', '8.4.2105', 'centos8', 'centos8.4.2105'],
  created: '2021-09-15T18:20:05Z',
  config: {
    Env: [PATH_ENV],
    Cmd: ['/bin/bash'],
    Labels: {
      'org.label-schema.build-date': '20210915',
      'org.label-schema.license': 'GPLv2',
      'org.label-schema.name': 'CentOS Base Image',
      'org.label-schema.schema-version': '1.0',
      'org.label-schema.vendor': 'CentOS',
    },
  },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:805cb5e15fb6e0bb0326ca33fd2942e068863ce2a8491bb71522c652f31fb466 in / ',
      entries: () => centosRoot({ major: 8, osRelease: CENTOS8_OS_RELEASE, release: 'CentOS Linux release 8.4.2105', size: 231_268_856 }),
    },
    {
      createdBy:
        '/bin/sh -c #(nop)  LABEL org.label-schema.schema-version=1.0     org.label-schema.name=CentOS Base Image     org.label-schema.vendor=CentOS     org.label-schema.license=GPLv2     org.label-schema.build-date=20210915',
      empty: true,
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty: true },
  ],
};

export const CENTOS7: ImageRecipe = {
  repo: 'library/centos',
  tags: ['7', '7.9.2009', 'centos7', 'centos7.9.2009'],
  created: '2020-11-13T00:20:39Z',
  config: {
    Env: [PATH_ENV],
    Cmd: ['/bin/bash'],
    Labels: {
      'org.label-schema.build-date': '20201113',
      'org.label-schema.license': 'GPLv2',
      'org.label-schema.name': 'CentOS Base Image',
      'org.label-schema.schema-version': '1.0',
      'org.label-schema.vendor': 'CentOS',
      'org.opencontainers.image.created': '2020-11-13 00:00:00+00:00',
      'org.opencontainers.image.licenses': 'GPL-2.0-only',
      'org.opencontainers.image.title': 'CentOS Base Image',
      'org.opencontainers.image.vendor': 'CentOS',
    },
  },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:b3ebbe8bd304723d43b7b44a6d990cd657b63d93d6a2a9293983a30bfc1dfa53 in / ',
      entries: () => centosRoot({ major: 7, osRelease: CENTOS7_OS_RELEASE, release: 'CentOS Linux release 7.9.2009 (Core)', size: 203_936_120 }),
    },
    {
      createdBy:
        '/bin/sh -c #(nop)  LABEL org.label-schema.schema-version=1.0 org.label-schema.name=CentOS Base Image org.label-schema.vendor=CentOS org.label-schema.license=GPLv2 org.label-schema.build-date=20201113 org.opencontainers.image.title=CentOS Base Image org.opencontainers.image.vendor=CentOS org.opencontainers.image.licenses=GPL-2.0-only org.opencontainers.image.created=2020-11-13 00:00:00+00:00',
      empty: true,
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty: true },
  ],
};
