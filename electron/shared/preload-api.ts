// The shape of `window.orgTokenHelper`, derived from the contract so the preload, the browser
// harness and the renderer cannot drift apart.
import type { API_METHODS, ApiMethodName, EVENT_SUBSCRIPTIONS, EventSubscriptionName } from './ipc-channels';
import type { EventPayload, RequestOf, ResponseOf } from './ipc-contract';

type ChannelOf<M extends ApiMethodName> = (typeof API_METHODS)[M];
type EventOf<S extends EventSubscriptionName> = (typeof EVENT_SUBSCRIPTIONS)[S];

export type OrgTokenHelperApi = {
  [M in ApiMethodName]: (request: RequestOf<ChannelOf<M>>) => Promise<ResponseOf<ChannelOf<M>>>;
} & {
  /** Returns a function that removes the listener. */
  [S in EventSubscriptionName]: (listener: (payload: EventPayload<EventOf<S>>) => void) => () => void;
};
