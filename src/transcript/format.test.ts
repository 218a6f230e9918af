import { describe, expect, it } from 'vitest';
import { parseTranscript, serializeTranscript } from './format.ts';

const sample = `# title: t
# topic: x

  $ docker rmi nosuch
  Error response from daemon: No such image: nosuch:latest
  [1]
# a comment above
  $ cat > f <<'EOF'
  > a
  >
  > EOF
  $ echo

  $ docker images
  REPOSITORY   TAG
`;

describe('transcript format', () => {
  it('parses commands, continuations, status and comments', () => {
    const t = parseTranscript(sample);
    expect(t.header).toEqual(['# title: t', '# topic: x', '']);
    expect(t.commands).toHaveLength(4);
    expect(t.commands[0]).toMatchObject({ command: 'docker rmi nosuch', status: 1, line: 4 });
    expect(t.commands[0]!.output).toEqual(['Error response from daemon: No such image: nosuch:latest']);
    expect(t.commands[1]!.comments).toEqual(['# a comment above']);
    expect(t.commands[1]!.command).toBe("cat > f <<'EOF'\na\n\nEOF");
    expect(t.commands[2]!.output).toEqual([]);
    expect(t.commands[3]!.comments).toEqual(['']);
  });

  it('round-trips', () => {
    expect(serializeTranscript(parseTranscript(sample))).toBe(sample);
  });

  it('keeps an empty output line written as two spaces', () => {
    const t = parseTranscript('  $ echo\n  \n');
    expect(t.commands[0]!.output).toEqual(['']);
    expect(serializeTranscript(t)).toBe('  $ echo\n  \n');
  });
});
