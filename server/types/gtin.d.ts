// The gtin package ships no types; these are the functions the catalog uses.
declare module 'gtin' {
  export function isValid(code: string): boolean;
  export function isGTIN(code: string): boolean;
  export function getFormat(code: string): 'GTIN-8' | 'GTIN-12' | 'GTIN-13' | 'GTIN-14';
  export function minify(code: string): string;
}
