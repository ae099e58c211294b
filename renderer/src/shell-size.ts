/** The app shell's header height in pixels (Notifications.module.css opens notifications just below it). */
export const HEADER_HEIGHT = 56;
