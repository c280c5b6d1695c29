/** Every subcommand, in the order `policytext --help` lists them. */
import type { Command } from 'commander';
import { analyzeCommand } from './analyze.js';
import { tokensCommand } from './tokens.js';
import { infoCommand } from './info.js';
import { outlineCommand } from './outline.js';
import { batchCommand } from './batch.js';
import { compareCommand } from './compare.js';
import { keywordsCommand } from './keywords.js';
import { slogansCommand } from './slogans.js';
import { kwicCommand } from './kwic.js';
import { freqCommand } from './freq.js';
import { targetsCommand } from './targets.js';

export function commandList(): Command[] {
  return [analyzeCommand(), infoCommand(), outlineCommand(), tokensCommand(), targetsCommand(), keywordsCommand(), slogansCommand(), kwicCommand(), freqCommand(), batchCommand(), compareCommand()];
}
