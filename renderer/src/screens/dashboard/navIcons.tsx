/** The vetting oversight screens' navigation icons, drawn like components/icons.tsx (1em, the text colour). */
import type { SVGProps } from 'react';
import { iconProps } from '../../components/icons';


export const ReviewIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...iconProps(p)}>
    <path d="M9 4h6v3H9z" />
    <path d="M15 5h3v16H6V5h3" />
    <path d="m9 14 2 2 4-4" />
  </svg>
);

export const ConflictIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...iconProps(p)}>
    <path d="M6 3v12M18 9v12" />
    <circle cx="6" cy="18" r="3" />
    <circle cx="18" cy="6" r="3" />
    <path d="M6 15c0-4 12-2 12-6" />
  </svg>
);

export const ChartIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg {...iconProps(p)}>
    <path d="M4 20h16" />
    <path d="M7 16v-5M12 16V6M17 16v-8" />
  </svg>
);
