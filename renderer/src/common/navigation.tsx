// Three screens and no URLs: a router would add nothing but history entries to a desktop window.
import { createContext, useContext } from 'react';

export type Screen = 'home' | 'setup' | 'leaked';

export const NavigationContext = createContext<(screen: Screen) => void>(() => undefined);

export function useNavigate(): (screen: Screen) => void {
  return useContext(NavigationContext);
}
