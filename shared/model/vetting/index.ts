/** The vetting model (issue 7): pure, shared by the core, the server and the screens. */
export * from './application';
export * from './build';
export * from './chain';
export * from './compute';
export * from './criteria';
export * from './eligibility';
export * from './events';
export * from './interest';
export * from './reference';
export * from './roles';
export * from './rules';
export * from './settings';
export * from './state';
export * from './visibility';
