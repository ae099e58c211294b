import { Avatar, type AvatarProps, type MantineSize } from '@mantine/core';
import { usePhotoUrl } from '../api/photos';

type PhotoRef = { hash: string; mime: string } | null;

/** Mantine's named avatar sizes in CSS pixels, so a named size still gets a fitting thumbnail. */
const namedSizes: Record<MantineSize, number> = { xs: 16, sm: 26, md: 38, lg: 56, xl: 84 };

/**
 * The photo when there is one, loaded by the browser as a thumbnail of the size drawn (never
 * as JSON), else initials on a colour derived from the name. A photo that cannot be loaded
 * falls back to the initials as well.
 */
export function ExpertAvatar({ photo, name, alt, size = 'md', ...props }: { photo: PhotoRef; name: string; alt?: string } & Omit<AvatarProps, 'src' | 'name'>) {
  const pixels = typeof size === 'number' ? size : (namedSizes[size as MantineSize] ?? 38);
  const src = usePhotoUrl(photo?.hash ?? null, pixels);
  // No name yet (a new record): the neutral placeholder rather than a "?" in a random colour.
  const named = name.trim() ? { name: initialsSource(name), color: 'initials' as const } : {};
  return <Avatar src={src} {...named} alt={alt ?? name} size={size} {...props} />;
}

/**
 * Mantine takes the first UTF-16 unit of each word as an initial, so a word that starts with
 * an emoji or a symbol ("Siti 😀 Rahma") would give half a surrogate pair. Only words that
 * start with a letter or digit give initials.
 */
export function initialsSource(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => /^[\p{L}\p{N}]/u.test(word));
  return words.length > 0 ? words.join(' ') : name.trim();
}
