// bibtex-parse ships no types; the tests use its entries() reader.
declare module 'bibtex-parse' {
  export function entries(text: string): ({ key: string; type: string } & Record<string, any>)[];
}
