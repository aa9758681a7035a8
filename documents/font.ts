/**
 * The Chinese font documents embed, found among the fonts installed from a Debian package (fonts-noto-cjk,
 * see scripts/install-prerequisites.sh), never fetched. fontconfig lists the faces that cover Simplified
 * Chinese; a Song-style (serif) face is preferred, as GB/T 9704 sets 正文 in 仿宋 and 标题 in 小标宋, which
 * no free package ships. `DOCUMENT_FONT` (a file, optionally `#<PostScript name>` for a collection) overrides.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface FontFace {
  file: string;
  /** The face inside a collection (.ttc), by PostScript name. */
  postscriptName?: string;
}

export interface DocumentFonts {
  regular: FontFace;
  bold: FontFace;
}

/** In order of preference: Song-style faces first, then sans faces of the same packages. */
const PREFERRED = {
  regular: ['NotoSerifCJKsc-Regular', 'NotoSansCJKsc-Regular', 'ARPLUMingCN-Light', 'WenQuanYiZenHei'],
  bold: [
    'NotoSerifCJKsc-Bold',
    'NotoSansCJKsc-Bold',
    'NotoSerifCJKsc-Regular',
    'NotoSansCJKsc-Regular',
    'ARPLUMingCN-Light',
    'WenQuanYiZenHei',
  ],
};

function installedChineseFaces(): FontFace[] {
  let listing: string;
  try {
    listing = execFileSync('fc-list', [':lang=zh-cn', 'file', 'postscriptname'], { encoding: 'utf8' });
  } catch {
    return [];
  }
  return listing
    .split('\n')
    .map((line) => /^(.+?): :?postscriptname=(.+)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ file: m[1], postscriptName: m[2] }));
}

let found: DocumentFonts | undefined;

export function documentFonts(env: NodeJS.ProcessEnv = process.env): DocumentFonts {
  if (found) return found;
  const override = env.DOCUMENT_FONT;
  if (override) {
    const [file, postscriptName] = override.split('#');
    if (!existsSync(file)) throw new Error(`DOCUMENT_FONT names ${file}, which does not exist`);
    const face = { file, postscriptName };
    return (found = { regular: face, bold: face });
  }
  const faces = installedChineseFaces();
  const pick = (names: string[]) => names.map((name) => faces.find((f) => f.postscriptName === name)).find(Boolean) ?? faces[0];
  const regular = pick(PREFERRED.regular);
  if (!regular) {
    throw new Error(
      'no font covering Chinese is installed: install the Debian package fonts-noto-cjk (scripts/install-prerequisites.sh) or set DOCUMENT_FONT',
    );
  }
  return (found = { regular, bold: pick(PREFERRED.bold) ?? regular });
}
