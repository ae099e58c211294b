import { Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list's centred "nothing here" message: a heading, a line saying why, and what the curator can
 * do next (`children`, usually buttons). Fills its container, so it sits in the middle of the results pane.
 */
export function EmptyState({ title, body, testId, bodyWidth, gap = 'sm', children }: { title: string; body: string; testId: string; bodyWidth?: number; gap?: MantineSpacing; children?: ReactNode }) {
  return (
    <Stack p="xl" align="center" justify="center" h="100%" gap={gap} data-testid={testId}>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text c="dimmed" ta="center" maw={bodyWidth}>
        {body}
      </Text>
      {children}
    </Stack>
  );
}
