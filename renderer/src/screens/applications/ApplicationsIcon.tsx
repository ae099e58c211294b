import type { SVGProps } from 'react';
import { iconProps } from '../../components/icons';

/** A clipboard with a tick: the Applications nav link (same style as components/icons.tsx). */
export const ApplicationsIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...iconProps(p)}>
    <rect x="5" y="4" width="14" height="17" rx="2" />
    <path d="M9 4V3h6v1M9 13l2 2 4-4" />
  </svg>
);
