// The quotas are a policy's; the account's modules read them from here as they always did.
export { QUOTAS } from '../policy/quotas.js';
