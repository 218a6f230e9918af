// Two tiny static x86-64 Linux programs, written byte by byte, for images that
// the real engine must run without any base image (no busybox, no libc):
//
//   cat FILE...  copies each FILE to stdout in turn (exit 1 at the first it cannot open)
//   rm FILE      unlinks FILE (exit status: the errno, 0 on success)
//
// They let a FROM scratch image made by the real engine delete a file in a
// later layer (a whiteout), and let the real engine read files out of an
// image Berth built (`docker run --entrypoint /tinycat IMAGE PATH`).
// One ELF header, one read+execute PT_LOAD segment mapping the whole file.

const BASE = 0x400000;
const HEADERS = 64 + 56;

function elf(code) {
  const size = HEADERS + code.length;
  const b = Buffer.alloc(size);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0); // ELF64, little endian, SysV
  b.writeUInt16LE(2, 16); // ET_EXEC
  b.writeUInt16LE(0x3e, 18); // x86-64
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(BigInt(BASE + HEADERS), 24); // entry
  b.writeBigUInt64LE(64n, 32); // program headers
  b.writeUInt16LE(64, 52);
  b.writeUInt16LE(56, 54);
  b.writeUInt16LE(1, 56);
  b.writeUInt16LE(64, 58);
  // PT_LOAD, R+X, the whole file at BASE
  b.writeUInt32LE(1, 64);
  b.writeUInt32LE(5, 68);
  b.writeBigUInt64LE(0n, 72);
  b.writeBigUInt64LE(BigInt(BASE), 80);
  b.writeBigUInt64LE(BigInt(BASE), 88);
  b.writeBigUInt64LE(BigInt(size), 96);
  b.writeBigUInt64LE(BigInt(size), 104);
  b.writeBigUInt64LE(0x1000n, 112);
  b.set(code, HEADERS);
  return b;
}

/** Assembles byte lists with labels: a string item is a label, {jump: label} a rel8 displacement. */
function assemble(items) {
  const at = new Map();
  let pc = 0;
  for (const it of items) {
    if (typeof it === 'string') at.set(it, pc);
    else pc += Array.isArray(it) ? it.length : 1;
  }
  const out = [];
  for (const it of items) {
    if (typeof it === 'string') continue;
    if (Array.isArray(it)) out.push(...it);
    else {
      const rel = at.get(it.jump) - (out.length + 1);
      if (rel < -128 || rel > 127) throw new Error(`jump to ${it.jump} too far`);
      out.push(rel & 0xff);
    }
  }
  return out;
}

const EXIT = (status) => [[0xbf, status, 0, 0, 0], [0xb8, 60, 0, 0, 0], [0x0f, 0x05]]; // mov edi,s; mov eax,60; syscall

export const tinyCat = () =>
  elf(
    assemble([
      [0x48, 0x8d, 0x5c, 0x24, 0x10], // lea rbx, [rsp+16]  (&argv[1])
      [0x48, 0x81, 0xec, 0, 0x10, 0, 0], // sub rsp, 4096      (the buffer)
      'next',
      [0x48, 0x8b, 0x3b], // mov rdi, [rbx]
      [0x48, 0x85, 0xff], // test rdi, rdi
      [0x74], { jump: 'done' }, // jz done (argv's NULL)
      [0x48, 0x83, 0xc3, 0x08], // add rbx, 8
      [0x31, 0xf6], // xor esi, esi       (O_RDONLY)
      [0xb8, 2, 0, 0, 0], // mov eax, 2 (open)
      [0x0f, 0x05],
      [0x85, 0xc0], // test eax, eax
      [0x78], { jump: 'fail' }, // js fail
      [0x41, 0x89, 0xc4], // mov r12d, eax
      'loop',
      [0x44, 0x89, 0xe7], // mov edi, r12d
      [0x48, 0x89, 0xe6], // mov rsi, rsp
      [0xba, 0, 0x10, 0, 0], // mov edx, 4096
      [0x31, 0xc0], // xor eax, eax (read)
      [0x0f, 0x05],
      [0x85, 0xc0],
      [0x7e], { jump: 'close' }, // jle close
      [0x89, 0xc2], // mov edx, eax
      [0xbf, 1, 0, 0, 0], // mov edi, 1
      [0xb8, 1, 0, 0, 0], // mov eax, 1 (write)
      [0x0f, 0x05],
      [0xeb], { jump: 'loop' },
      'close',
      [0x44, 0x89, 0xe7], // mov edi, r12d
      [0xb8, 3, 0, 0, 0], // mov eax, 3 (close)
      [0x0f, 0x05],
      [0xeb], { jump: 'next' },
      'done',
      ...EXIT(0),
      'fail',
      ...EXIT(1),
    ]),
  );

export const tinyRm = () =>
  elf(
    assemble([
      [0x48, 0x8b, 0x7c, 0x24, 0x10], // mov rdi, [rsp+16]
      [0xb8, 87, 0, 0, 0], // mov eax, 87 (unlink)
      [0x0f, 0x05],
      [0x89, 0xc7], // mov edi, eax
      [0xf7, 0xdf], // neg edi
      [0xb8, 60, 0, 0, 0], // exit
      [0x0f, 0x05],
    ]),
  );
