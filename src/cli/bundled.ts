/** The report shipped with the package, analysed when a command gets no input. */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const absolute = fileURLToPath(new URL('../../corpus/liuzhou-2024.txt', import.meta.url));
const fromCwd = relative(process.cwd(), absolute);

/** Relative to the working directory when it is below it (shorter in messages and output), else absolute. */
export const BUNDLED_REPORT = fromCwd.startsWith('..') ? absolute : fromCwd;
