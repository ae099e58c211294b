import type { SVGProps } from 'react';
import { iconProps } from '../../components/icons';

/** A page with a heading and lines: the Case studies & stories nav link (same style as components/icons.tsx). */
export const ReportsIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...iconProps(p)}>
    <path d="M6 3h9l4 4v14H6z" />
    <path d="M14 3v5h5M9 12h7M9 16h7" />
  </svg>
);
