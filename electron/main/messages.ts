/** The shell's own words (menus, dialogs). The renderer has its own catalogue; these are the few the main process shows. */
export type Language = 'en' | 'id';

/** Bahasa Indonesia for an Indonesian system locale ('id', 'id-ID', and Java's legacy 'in'); English otherwise. */
export function languageOf(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'id' || primary === 'in' ? 'id' : 'en';
}

const en = {
  file: 'File',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  reload: 'Reload',
  devTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  fullScreen: 'Toggle Full Screen',
  window: 'Window',
  minimize: 'Minimize',
  help: 'Help',
  about: 'About A-EXPECS Curator',
  dbTooNewTitle: 'This database needs a newer version of A-EXPECS Curator',
  dbTooNewAdvice: 'Install the latest version of A-EXPECS Curator, then open it again. Nothing was changed.',
  startFailedTitle: 'A-EXPECS Curator could not start',
  nativeDriverRebuild:
    'The database driver (better-sqlite3) was built for Node.js, not for this Electron. Start the app with `npm start`: it builds the driver for Electron first, once per Electron version.',
  nativeDriverReinstall: 'The database driver of this installation does not match the app. Install A-EXPECS Curator again; your data is kept.',
  updateAvailableTitle: 'A new version is available',
  updateAvailable: (version: string) => `A-EXPECS Curator ${version} is available. Download it now? You choose when to install it.`,
  download: 'Download',
  later: 'Later',
  updateReadyTitle: 'The new version is ready',
  updateReady: (version: string) => `A-EXPECS Curator ${version} has been downloaded. Restart now to install it, or keep working: it will be offered again next time.`,
  restart: 'Restart now',
  externalLinkTitle: 'Open a link outside the app',
  externalLinkMessage: (host: string) => `Open this link to ${host} in your web browser?`,
  externalLinkDetail: (url: string) => `${url}\n\nOpen it only if you trust where it goes. A-EXPECS Curator does not check web pages.`,
  openLink: 'Open in browser',
  cancel: 'Cancel',
};

const id: typeof en = {
  file: 'Berkas',
  quit: 'Keluar',
  edit: 'Sunting',
  undo: 'Urungkan',
  redo: 'Ulangi',
  cut: 'Potong',
  copy: 'Salin',
  paste: 'Tempel',
  selectAll: 'Pilih Semua',
  view: 'Tampilan',
  reload: 'Muat Ulang',
  devTools: 'Alat Pengembang',
  resetZoom: 'Ukuran Asli',
  zoomIn: 'Perbesar',
  zoomOut: 'Perkecil',
  fullScreen: 'Layar Penuh',
  window: 'Jendela',
  minimize: 'Kecilkan',
  help: 'Bantuan',
  about: 'Tentang A-EXPECS Curator',
  dbTooNewTitle: 'Basis data ini memerlukan versi A-EXPECS Curator yang lebih baru',
  dbTooNewAdvice: 'Pasang versi terbaru A-EXPECS Curator, lalu buka kembali. Tidak ada yang diubah.',
  startFailedTitle: 'A-EXPECS Curator tidak dapat dijalankan',
  nativeDriverRebuild:
    'Driver basis data (better-sqlite3) dibangun untuk Node.js, bukan untuk Electron ini. Jalankan aplikasi dengan `npm start`: perintah itu terlebih dahulu membangun driver untuk Electron, sekali untuk setiap versi Electron.',
  nativeDriverReinstall: 'Driver basis data pada instalasi ini tidak cocok dengan aplikasi. Pasang ulang A-EXPECS Curator; data Anda tetap tersimpan.',
  updateAvailableTitle: 'Versi baru tersedia',
  updateAvailable: (version: string) => `A-EXPECS Curator ${version} tersedia. Unduh sekarang? Anda yang memilih kapan memasangnya.`,
  download: 'Unduh',
  later: 'Nanti',
  updateReadyTitle: 'Versi baru siap dipasang',
  updateReady: (version: string) => `A-EXPECS Curator ${version} telah diunduh. Mulai ulang sekarang untuk memasangnya, atau lanjutkan bekerja: versi ini akan ditawarkan lagi lain kali.`,
  restart: 'Mulai ulang sekarang',
  externalLinkTitle: 'Buka tautan di luar aplikasi',
  externalLinkMessage: (host: string) => `Buka tautan ke ${host} ini di peramban web Anda?`,
  externalLinkDetail: (url: string) => `${url}\n\nBuka hanya jika Anda memercayai tujuannya. A-EXPECS Curator tidak memeriksa halaman web.`,
  openLink: 'Buka di peramban',
  cancel: 'Batal',
};

export type Messages = typeof en;
export const messages: Record<Language, Messages> = { en, id };
