import { NETWORK_NAMES } from '../../../src-main/core/insights/report-strings';

/** A network's name as its exports and the report write it. */
export const networkName = (n: string) => NETWORK_NAMES[n] ?? n;
