/**
 * The text of a PDF, for assertions such as `expect(await pdfText(pdf)).toContain('1,234,000원')`.
 *
 * How pieces are joined: text items are taken in content-stream order (the order they were drawn,
 * which for our receipts is reading order). Two items on the same baseline that touch are
 * concatenated with nothing between them, so a word or number split into several runs ('김민'+'지')
 * reads whole; items on the same baseline with a visible gap (separate table cells) get one space,
 * so neighbouring numbers never run together ('120 950원', not '120950원'); a new baseline starts a
 * new line ('\n'); runs of spaces collapse to one, lines are trimmed and empty ones dropped, so the
 * only blank lines ('\n\n') are between pages (pdfPages gives the pages apart). Text wrapped
 * inside a table cell continues on a later line, so search for what fits on one line, or remove
 * the '\n's first.
 *
 * pdf.js runs in Node with its "fake worker" (the worker code loaded in-process from the installed
 * package, never from a CDN); the document is passed as bytes, so nothing is fetched.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { GlobalWorkerOptions, getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

// In Node pdf.js always uses the in-process fake worker; an absolute file URL makes it load the
// installed worker module whatever bundler or test runner sits in between.
GlobalWorkerOptions.workerSrc = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

/** Points of horizontal gap above which two items on one line are separate words. */
const WORD_GAP = 1;

/** All text of all pages, joined as described above. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return (await pdfPages(pdf)).join('\n\n');
}

/** The text of each page, one string per page, for assertions about pagination. */
export async function pdfPages(pdf: Buffer | Uint8Array): Promise<string[]> {
  const task = getDocument({
    // A copy: pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const document = await task.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(joinItems(content.items.filter((item): item is TextItem => 'str' in item)));
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

function joinItems(items: readonly TextItem[]): string {
  let text = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (item.str === '') {
      // pdf.js emits empty items to mark line ends; the geometry below already handles those.
      continue;
    }
    if (previous) text += separator(previous, item);
    text += item.str;
    previous = item;
  }
  // pdf.js sometimes adds a space item of its own where text jumps; keep single spaces, no trailing ones.
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function separator(previous: TextItem, item: TextItem): string {
  const [, , , , previousX, previousY] = previous.transform as number[];
  const [, , , , x, y] = item.transform as number[];
  const sameLine = Math.abs((previousY ?? 0) - (y ?? 0)) < Math.max(1, item.height / 3);
  if (!sameLine) return '\n';
  const gap = (x ?? 0) - ((previousX ?? 0) + previous.width);
  return Math.abs(gap) > WORD_GAP ? ' ' : '';
}
