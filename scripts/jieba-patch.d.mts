// Types for scripts/jieba-patch.mjs (imported by test/install.test.ts and test/helpers/jieba-build.ts).
export interface NodejiebaSources {
  cpp: string;
  h: string;
}
export declare const PATCH_MARKER: string;
export declare const ANY_PATCH_MARKER: RegExp;
export declare const FAST_CUT_FILE: string;
export declare function patchNodejiebaSource(files: NodejiebaSources): NodejiebaSources & { status: 'patched' | 'unrecognised' };
export declare function patchPlan(sources: { current: NodejiebaSources; saved: NodejiebaSources | null }): {
  status: 'patched' | 'already-patched' | 'unrecognised' | 'outdated';
  cpp?: string;
  h?: string;
  save?: NodejiebaSources;
};
