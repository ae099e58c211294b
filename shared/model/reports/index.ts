/** The case-study and story model (issue 8): pure, shared by the core, the server and the screens. */
export * from './caseStudy';
export * from './characteristics';
export * from './comment';
export * from './consent';
export * from './figure';
export * from './interview';
export * from './parts';
export * from './ratings-import';
export * from './roles';
export * from './sections';
export * from './story';
export * from './words';
