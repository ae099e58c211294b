import { Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import { useId, type ReactNode } from 'react';

type Props = { title: string; body: string; testId?: string; bodyWidth?: number; gap?: MantineSpacing; children?: ReactNode; framed?: boolean };

/**
 * "Nothing here": what is missing, a line saying why, and what the curator can do next (`children`,
 * usually buttons). By default it fills its container, centred in a results pane; `framed` is the
 * bordered note a screen shows in place of a list inside its page (conflicts, users, reviews, dashboard).
 */
export function EmptyState({ title, body, testId, bodyWidth, gap = 'sm', children, framed = false }: Props) {
  // A region named by its title, so a curator (or a screen reader) finds "nothing here" by what it says.
  const titleId = useId();
  if (framed) {
    return (
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={titleId} data-testid={testId}>
        <Text fw={500} id={titleId}>
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {body}
        </Text>
        {children}
      </Paper>
    );
  }
  return (
    <Stack component="section" aria-labelledby={titleId} p="xl" align="center" justify="center" h="100%" gap={gap} data-testid={testId}>
      <Title order={2} size="h3" id={titleId}>
        {title}
      </Title>
      <Text c="dimmed" ta="center" maw={bodyWidth}>
        {body}
      </Text>
      {children}
    </Stack>
  );
}
