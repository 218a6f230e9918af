// Image archives: docker save / load / import and container export.
export { saveArchive, saveTree, selectImages, layerBlob } from './save.ts';
export { prepareLoad, commitLoad, LOAD_LIMITS } from './load.ts';
export { importImage, type ImportOptions } from './import.ts';
export { exportContainer } from './export.ts';
