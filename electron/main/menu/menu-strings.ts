// The menu is built in the main process, which cannot use the renderer's catalogues, so its few
// labels live here. `{app}` stands for the app's name.
import type { Language } from '../../shared/ipc-contract';

export interface MenuStrings {
  about: string;
  hide: string;
  hideOthers: string;
  showAll: string;
  quit: string;
  file: string;
  close: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pasteAndMatchStyle: string;
  selectAll: string;
  view: string;
  reload: string;
  forceReload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  window: string;
  minimize: string;
  zoom: string;
  bringAllToFront: string;
  help: string;
  orgTokenGuide: string;
  aboutVersion: string;
  ok: string;
  crashTitle: string;
  crashBody: string;
}

export const MENU_STRINGS: Record<Language, MenuStrings> = {
  en: {
    about: 'About {app}',
    hide: 'Hide {app}',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit {app}',
    file: 'File',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    bringAllToFront: 'Bring All to Front',
    help: 'Help',
    orgTokenGuide: 'Slack’s Guide to Org-Level Apps',
    aboutVersion: 'Version {version}',
    ok: 'OK',
    crashTitle: 'Something went wrong',
    crashBody: 'Org Token Helper ran into an unexpected problem. Your saved tokens are safe. If the app stops responding, quit and open it again.',
  },
  ko: {
    about: '{app} 정보',
    hide: '{app} 가리기',
    hideOthers: '기타 가리기',
    showAll: '모두 보기',
    quit: '{app} 종료',
    file: '파일',
    close: '창 닫기',
    edit: '편집',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '오려두기',
    copy: '복사하기',
    paste: '붙여넣기',
    pasteAndMatchStyle: '붙여넣고 스타일 일치시키기',
    selectAll: '모두 선택',
    view: '보기',
    reload: '새로 고침',
    forceReload: '강제 새로 고침',
    toggleDevTools: '개발자 도구 토글',
    resetZoom: '실제 크기',
    zoomIn: '확대',
    zoomOut: '축소',
    toggleFullScreen: '전체 화면 토글',
    window: '창',
    minimize: '최소화',
    zoom: '확대/축소',
    bringAllToFront: '모두 앞으로 가져오기',
    help: '도움말',
    orgTokenGuide: '조직 수준 앱에 대한 Slack 안내서',
    aboutVersion: '버전 {version}',
    ok: '확인',
    crashTitle: '문제가 발생했습니다',
    crashBody: 'Org Token Helper에 예기치 않은 문제가 생겼습니다. 저장된 토큰은 안전합니다. 앱이 응답하지 않으면 종료한 뒤 다시 여세요.',
  },
};

export function menuStrings(language: Language): MenuStrings {
  return MENU_STRINGS[language];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
