import { describe, expect, it } from 'vitest';
import { CommandAssembler } from './continuation.ts';

function feed(...lines: string[]): { results: (string | null)[]; assembler: CommandAssembler } {
  const assembler = new CommandAssembler();
  const results = lines.map((line) => {
    const r = assembler.push(line);
    return r.complete ? r.text : null;
  });
  return { results, assembler };
}

describe('CommandAssembler', () => {
  it('passes a plain line through', () => {
    expect(feed('docker ps -a').results).toEqual(['docker ps -a']);
  });

  it('reads a here-document until its terminator', () => {
    const { results } = feed('cat > f <<EOF', 'line 1', '  EOF', 'EOF');
    expect(results).toEqual([null, null, null, 'cat > f <<EOF\nline 1\n  EOF\nEOF']);
  });

  it('understands quoted terminators, <<- and several here-documents', () => {
    expect(feed("cat <<'END'", '$HOME', 'END').results.at(-1)).toBe("cat <<'END'\n$HOME\nEND");
    expect(feed('cat <<"E O"', 'E O').results.at(-1)).toBe('cat <<"E O"\nE O');
    expect(feed('cat <<\\X', 'X').results.at(-1)).toBe('cat <<\\X\nX');
    expect(feed('cat <<-EOF', '\tbody', '\tEOF').results).toEqual([null, null, 'cat <<-EOF\n\tbody\n\tEOF']);
    expect(feed('cat <<A; cat <<B', 'a', 'A', 'b', 'B').results).toEqual([
      null,
      null,
      null,
      null,
      'cat <<A; cat <<B\na\nA\nb\nB',
    ]);
    expect(feed('cat<<EOF>out', 'x', 'EOF').results.at(-1)).toBe('cat<<EOF>out\nx\nEOF');
  });

  it('ignores here-strings, quoted << and comments', () => {
    expect(feed('cat <<< "hi"').results).toEqual(['cat <<< "hi"']);
    expect(feed("echo '<<EOF'").results).toEqual(["echo '<<EOF'"]);
    expect(feed('echo "a <<EOF b"').results).toEqual(['echo "a <<EOF b"']);
    expect(feed('echo hi # cat <<EOF').results).toEqual(['echo hi # cat <<EOF']);
    expect(feed('echo a\\<<EOF').results.length).toBe(1);
  });

  it('continues after an open quote, a trailing backslash or a trailing operator', () => {
    expect(feed("echo 'a", "b'").results).toEqual([null, "echo 'a\nb'"]);
    expect(feed('echo "a', '<<EOF"').results).toEqual([null, 'echo "a\n<<EOF"']);
    expect(feed('docker run \\', '  hello-world').results).toEqual([null, 'docker run \\\n  hello-world']);
    expect(feed('echo a\\\\').results).toEqual(['echo a\\\\']);
    expect(feed('echo a |', 'cat').results).toEqual([null, 'echo a |\ncat']);
    expect(feed('true &&', 'echo ok').results).toEqual([null, 'true &&\necho ok']);
    expect(feed('echo a >|f').results).toEqual(['echo a >|f']);
    expect(feed('echo # |').results).toEqual(['echo # |']);
  });

  it('reads the here-document body before a command continued with a pipe', () => {
    expect(feed('cat <<EOF |', 'x', 'EOF', 'wc -l').results).toEqual([null, null, null, 'cat <<EOF |\nx\nEOF\nwc -l']);
  });

  it('reports what it holds and can be reset', () => {
    const { assembler } = feed('cat <<EOF', 'a');
    expect(assembler.pending).toBe(true);
    expect(assembler.openHereDocs).toEqual([{ delimiter: 'EOF', stripTabs: false }]);
    expect(assembler.text).toBe('cat <<EOF\na');
    assembler.reset();
    expect(assembler.pending).toBe(false);
    expect(assembler.push('ls')).toEqual({ complete: true, text: 'ls' });
  });
});
