import { Avatar, type AvatarProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Api } from '../api/client';
import { useApi } from '../api/ApiProvider';

type PhotoRef = { hash: string; mime: string } | null;

/** Photos are content-addressed, so a hash always means the same bytes: cache them for the session. */
const cache = new Map<string, Promise<string | null>>();
const CACHE_LIMIT = 400;

export function photoDataUrl(api: Api, hash: string): Promise<string | null> {
  let entry = cache.get(hash);
  if (!entry) {
    entry = api.call('attachments.get', { hash }).then((result) => (result.ok ? `data:${result.value.mime};base64,${result.value.dataBase64}` : null));
    cache.set(hash, entry);
    // Oldest first: a Map iterates in insertion order.
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    void entry.then((url) => {
      if (url === null) cache.delete(hash);
    });
  }
  return entry;
}

/** Puts bytes the renderer already has (a photo just uploaded) into the cache under their hash. */
export function primePhoto(hash: string, dataUrl: string): void {
  cache.set(hash, Promise.resolve(dataUrl));
}

/** The photo when there is one (fetched only then), else initials on a colour derived from the name. */
export function ExpertAvatar({ photo, name, alt, ...props }: { photo: PhotoRef; name: string; alt?: string } & Omit<AvatarProps, 'src' | 'name'>) {
  const api = useApi();
  const [src, setSrc] = useState<string | null>(null);
  const hash = photo?.hash ?? null;

  useEffect(() => {
    setSrc(null);
    if (!hash) return;
    let live = true;
    void photoDataUrl(api, hash).then((url) => {
      if (live) setSrc(url);
    });
    return () => {
      live = false;
    };
  }, [api, hash]);

  // No name yet (a new record): the neutral placeholder rather than a "?" in a random colour.
  const named = name.trim() ? { name, color: 'initials' as const } : {};
  return <Avatar src={src} {...named} alt={alt ?? name} {...props} />;
}
