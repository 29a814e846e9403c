// The preload: exposes the narrow, purpose-named API and nothing else. Bundled to CommonJS for
// the sandboxed renderer.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL_NAME } from '../shared/ipc-channels';
import { buildApi, ipcRendererTransport } from './build-api';

const transport = ipcRendererTransport(ipcRenderer);
contextBridge.exposeInMainWorld(API_GLOBAL_NAME, buildApi(transport.invoke, transport.subscribe));
