// pdfmake 0.3 ships no types; only what docgen/pdf.ts uses is declared.
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  type OutputDocument = { getBuffer(): Promise<Buffer> };
  const pdfmake: {
    setUrlAccessPolicy(callback: (url: string) => boolean): void;
    setLocalAccessPolicy(callback: (path: string) => boolean): void;
    setFonts(fonts: Record<string, FontFiles>): void;
    createPdf(docDefinition: object): OutputDocument;
  };
  // The package's CommonJS export is this one instance.
  // eslint-disable-next-line no-restricted-syntax
  export default pdfmake;
}
