/** Every subcommand, in the order `policytext --help` lists them. */
import type { Command } from 'commander';
import { analyzeCommand } from './analyze.js';
import { tokensCommand } from './tokens.js';

export function commandList(): Command[] {
  return [analyzeCommand(), tokensCommand()];
}
