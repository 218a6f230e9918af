import { describe, expect, it } from 'vitest';
import { HISTORY_SIZE, MemoryHistory } from './history.ts';

describe('the shared history', () => {
  it('keeps lines oldest first, skipping blanks, repeats of the last line and lines starting with a space', () => {
    const h = new MemoryHistory();
    for (const l of ['docker ps', 'docker ps', '  ', ' secret', 'docker images', 'docker ps']) h.add(l);
    expect(h.lines).toEqual(['docker ps', 'docker images', 'docker ps']);
  });
  it(`keeps the last ${HISTORY_SIZE}`, () => {
    const h = new MemoryHistory();
    for (let i = 0; i < HISTORY_SIZE + 10; i++) h.add(`echo ${i}`);
    expect(h.lines.length).toBe(HISTORY_SIZE);
    expect(h.lines[0]).toBe('echo 10');
  });
});
