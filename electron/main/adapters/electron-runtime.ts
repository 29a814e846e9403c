// The Electron objects the composition root (`electron/main/index.ts`) wires together. Only the
// adapters import `electron` at run time; everything else receives these as parameters.
export { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
