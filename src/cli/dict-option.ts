/** `--dict FILE` (repeatable): extra jieba user dictionaries for commands that segment. */
import { Command } from 'commander';

export interface DictOptions {
  dict?: string[];
}

export function withDictOption(cmd: Command): Command {
  return cmd.option(
    '--dict <file>',
    'extra user dictionary in jieba format (word [freq] [tag]); repeatable',
    (value: string, previous: string[] = []) => [...previous, value],
  );
}
