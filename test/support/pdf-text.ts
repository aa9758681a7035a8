/**
 * Reads a PDF the way a text extractor does, to check what a printed document says without trusting
 * the code that wrote it: objects and their (Flate) streams, each font's ToUnicode map, and the pages'
 * text operators (Tj, TJ) decoded glyph by glyph through the map of the font in use.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export interface PdfReading {
  /** The text of every page, in drawing order, without separators (wrapped lines run on). */
  pages: string[];
  /** Every object's dictionary, for checks of structure (embedded font files, fonts' names). */
  dictionaries: string[];
}

function objectsOf(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const pattern = /(\d+) 0 obj\s*/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0 || !/^\s*<</.test(body)) {
      objects.set(Number(match[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + 'stream'.length + (text[start + streamAt + 6] === '\r' ? 2 : 1);
    const dataEnd = text.lastIndexOf('endstream', end);
    let data = pdf.subarray(dataStart, dataEnd);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
    objects.set(Number(match[1]), { dict, stream: data });
    pattern.lastIndex = end;
  }
  return objects;
}

const utf16 = (hex: string) => {
  const clean = hex.replace(/\s+/g, '');
  const units: number[] = [];
  for (let i = 0; i < clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

/** A ToUnicode CMap: glyph code (hex) → text. */
function cmapOf(source: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(parseInt(code, 16), utf16(unicode));
  }
  for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, rest] of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g)) {
      const start = parseInt(from, 16);
      if (rest.startsWith('[')) {
        [...rest.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, unicode], i) => map.set(start + i, utf16(unicode)));
      } else {
        const base = utf16(rest.slice(1, -1));
        for (let code = start; code <= parseInt(to, 16); code++)
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - start));
      }
    }
  }
  return map;
}

const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1]);

export function readPdf(pdf: Buffer): PdfReading {
  const objects = objectsOf(pdf);
  const maps = new Map<number, Map<number, string>>();
  const mapOfFont = (fontObject: number) => {
    if (!maps.has(fontObject)) {
      const toUnicode = objects.get(ref(objects.get(fontObject)?.dict ?? '', 'ToUnicode'))?.stream;
      maps.set(fontObject, toUnicode ? cmapOf(toUnicode.toString('latin1')) : new Map());
    }
    return maps.get(fontObject)!;
  };
  const pages: string[] = [];
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(object.dict)) continue;
    let resources = /\/Resources\s*(<<[\s\S]*>>)/.exec(object.dict)?.[1] ?? '';
    const resourcesRef = ref(object.dict, 'Resources');
    if (resourcesRef) resources = objects.get(resourcesRef)!.dict;
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resources)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/(\w+)\s+(\d+) 0 R/g)].map(([, name, id]) => [name, Number(id)]));
    const content = objects.get(ref(object.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let map = new Map<number, string>();
    let text = '';
    for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
      if (op[1]) map = fonts.has(op[1]) ? mapOfFont(fonts.get(op[1])!) : new Map();
      const strings = op[2] ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]) : op[3] !== undefined ? [op[3]] : [];
      for (const hex of strings)
        for (let i = 0; i + 4 <= hex.length; i += 4) text += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
    }
    pages.push(text);
  }
  return { pages, dictionaries: [...objects.values()].map((o) => o.dict) };
}
