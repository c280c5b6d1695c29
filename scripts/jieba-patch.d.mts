// Types for scripts/jieba-patch.mjs (imported by test/install.test.ts).
export declare const PATCH_MARKER: string;
export declare function patchNodejiebaSource(files: { cpp: string; h: string }): {
  status: 'patched' | 'already-patched' | 'unrecognised';
  cpp: string;
  h: string;
};
