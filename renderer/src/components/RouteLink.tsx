import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigation } from '../nav/Navigation';
import { routeToHash, type Route } from '../nav/routes';

/**
 * A real link to a screen of the app (its URL fragment, so it can be opened, copied and read
 * as a link), followed inside the app by navigation, which asks first when a form has
 * unsaved changes.
 */
function useFollow(to: Route) {
  const { navigate } = useNavigation();
  return {
    href: routeToHash(to),
    onClick: (e: React.MouseEvent<HTMLAnchorElement>) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
      e.preventDefault();
      navigate(to);
    },
  };
}

export function RouteLink({ to, children, ...props }: { to: Route; children: ReactNode } & AnchorProps & { 'aria-label'?: string }) {
  return (
    <Anchor {...useFollow(to)} {...props}>
      {children}
    </Anchor>
  );
}

/** The same link drawn as a button (an action rather than a place), still a link to assistive technology. */
export function RouteButton({ to, children, ...props }: { to: Route; children: ReactNode } & ButtonProps & { 'aria-label'?: string }) {
  return (
    <Button component="a" {...useFollow(to)} {...props}>
      {children}
    </Button>
  );
}
