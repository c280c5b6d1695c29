/** --place / --year: overrides for what the structure step reads from the text. */
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

export interface StructureCliOptions {
  place?: string;
  year?: number;
}

export function parseYear(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100) throw new UsageError(`expected a year such as 2024, got "${value}"`);
  return n;
}

export function withStructureOptions(cmd: Command): Command {
  return cmd
    .option('--place <name>', 'the issuing place or body, overriding what the text says (e.g. 柳州市)')
    .option('--year <year>', 'the plan year, overriding the text (the review year becomes year − 1 unless the text names it)', parseYear);
}
