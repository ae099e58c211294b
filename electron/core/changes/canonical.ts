/** The funnel's canonical JSON is shared/'s: vetting events hash the same text on every node, in any layer. */
export { canonicalJson } from '../../../shared/canonical';
