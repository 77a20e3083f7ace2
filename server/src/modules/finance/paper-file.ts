/** The one file name of a paper version: the download, the export and the OParl `File.fileName` use it alike. */
export const paperFileName = (reference: string, versionNo: number) =>
  `Beschlussvorlage-${reference.replace(/[^\w.-]+/g, '_')}-Fassung-${versionNo}.pdf`;
