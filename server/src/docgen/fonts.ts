import { createRequire } from 'node:module';
import path from 'node:path';

// DOC-2: the fonts embedded in generated PDFs. Official documents use 方正小标宋 for titles and 仿宋_GB2312 for the
// body, neither of which is free; Noto Serif SC (OFL, a 宋体-like serif) stands in for both, Regular and Bold. The
// files are resolved through the package, not a relative path, so they are found both from server/src (tsx) and from
// the bundle in server/dist.

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'NotoSerifSC';

export const FONT_FILES = {
  regular: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
} as const;

/** The folder holding the font files: the only local path pdfmake may read. */
export const FONT_DIR = path.dirname(path.dirname(FONT_FILES.regular));

/** Font names a DOCX asks Word for (installed on Chinese government PCs); Word substitutes when absent. */
export const DOCX_FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
} as const;
