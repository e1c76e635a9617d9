/**
 * Public surface of the identity core: namespace catalogue, normalise/validate/hash, masking. Front ends import from here, not from the individual files.
 */
export { findNamespace, listNamespaces, pinterestNamespaces, suggestNamespace } from './namespaces';
export type { NamespaceInfo, NamespaceKind, PinterestListType } from './namespaces';
export { sha256Hex, sha256Lower } from './hash';
export { prepareIdentity, prepareWithReasons } from './prepare';
export type { Hasher, PrepareOptions, PrepareResult, PreparedIdentity, RejectedIdentity } from './prepare';
export { REJECT_REASONS, WARNING_REASONS, rejectMessage } from './reasons';
export type { IdentityWarning, RejectReason, WarningReason } from './reasons';
export { maskIdentity } from './mask';
