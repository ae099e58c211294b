/** The app shell's header height in pixels: the shell lays it out, and notifications open just below it. */
export const HEADER_HEIGHT = 56;
