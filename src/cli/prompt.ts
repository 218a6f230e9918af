// docker/cli's PromptForConfirmation: a question, then one line of input;
// only "y" or "Y" confirms, and end of input (no terminal) answers no
// without a newline.
import type { CliContext } from './command.ts';

export async function confirm(ctx: CliContext, message: string): Promise<boolean> {
  ctx.stdout.write(`${message} [y/N] `);
  let line = '';
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    line += chunk;
    const nl = line.indexOf('\n');
    if (nl >= 0) {
      line = line.slice(0, nl);
      break;
    }
  }
  const answer = line.trim();
  return answer === 'y' || answer === 'Y';
}
