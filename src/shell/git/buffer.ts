// isomorphic-git reads the global `Buffer` that Node has and browsers do
// not: the `buffer` package (the same class Node's is modelled on) stands in.
// Imported first by the git program's module, before isomorphic-git runs.
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
g.Buffer ??= Buffer;
