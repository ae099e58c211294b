// @vitest-environment jsdom
import '../test/setup-dom';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CuratorBridge } from '../../../shared/contract';
import { ExpertAvatar } from './ExpertAvatar';

const hash = 'ab'.repeat(32);
// Electron: the preload's bridge is on window before the page's first line runs.
window.curator = { invoke: () => Promise.reject(new Error('photos are not RPC')), on: () => () => {} } as CuratorBridge;

const draw = (size: number | 'xl') => render(<MantineProvider><ExpertAvatar photo={{ hash, mime: 'image/webp' }} name="Siti Rahayu" size={size} /></MantineProvider>);

describe('ExpertAvatar', () => {
  it('loads the thumbnail of the size it draws from app://, with no call to the core', () => {
    expect(draw(40).container.querySelector('img')?.getAttribute('src')).toBe(`app://curator/photos/48/${hash}.webp`);
    expect(draw(112).container.querySelector('img')?.getAttribute('src')).toBe(`app://curator/photos/128/${hash}.webp`);
    // Mantine's xl avatar is 84 pixels: the 96 thumbnail.
    expect(draw('xl').container.querySelector('img')?.getAttribute('src')).toBe(`app://curator/photos/96/${hash}.webp`);
  });

  it('shows initials when there is no photo', () => {
    const { container } = render(<MantineProvider><ExpertAvatar photo={null} name="Siti Rahayu" size={40} /></MantineProvider>);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.mantine-Avatar-placeholder')?.textContent).toBe('SR');
  });

  it('takes initials from words that start with a letter, never half of an emoji', () => {
    const { container } = render(<MantineProvider><ExpertAvatar photo={null} name={'Siti \u{1F600} Rahma'} size={40} /></MantineProvider>);
    expect(container.querySelector('.mantine-Avatar-placeholder')?.textContent).toBe('SR');
    const thai = render(<MantineProvider><ExpertAvatar photo={null} name="สมชาย ใจดี" size={40} /></MantineProvider>);
    expect(thai.container.querySelector('.mantine-Avatar-placeholder')?.textContent).toBe('สใ');
  });
});
