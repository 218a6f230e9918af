// The container program table names every program of the lazily loaded
// package-manager and server modules, and runs them once loaded.
import { describe, expect, it } from 'vitest';
import { packagePrograms } from '../engine/runtime/programs/packages/index.ts';
import { serverPrograms } from '../engine/runtime/programs/servers/index.ts';
import { PACKAGE_PROGRAM_NAMES, SERVER_PROGRAM_NAMES, containerPrograms } from './programs.ts';

describe('container programs', () => {
  it('name what the package-manager and server modules make', () => {
    expect([...packagePrograms().keys()].sort()).toEqual([...PACKAGE_PROGRAM_NAMES].sort());
    expect([...serverPrograms().keys()].sort()).toEqual([...SERVER_PROGRAM_NAMES].sort());
    const gnu = containerPrograms().gnu;
    for (const name of [...PACKAGE_PROGRAM_NAMES, ...SERVER_PROGRAM_NAMES]) expect(gnu.has(name), name).toBe(true);
  });
});
