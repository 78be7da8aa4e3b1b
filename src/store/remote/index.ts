/**
 * Remote sources: records streamed from other processes through the receiver. Its own module
 * with one touch point on the records layer (`./recordsSink`); the link itself
 * (`connectReceiver`) is loaded when a page has a receiver token.
 */
export { receiverToken } from './receiverToken';
export { remoteSourcesStore, type RemoteSourcesState } from './remoteSourcesStore';
export { requestRemoteRetry, whyNoRemoteRetry } from './remoteCommands';
export { sourceKeyOf, sourceLabelOf, THIS_PAGE } from './sourceKey';
