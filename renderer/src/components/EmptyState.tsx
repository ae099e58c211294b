import { Paper, Text } from '@mantine/core';

/** "Nothing here yet": what is missing, and in a second line why or what to do. */
export function EmptyState({ title, body, testId }: { title: string; body: string; testId?: string }) {
  return (
    <Paper withBorder p="lg" radius="md" data-testid={testId}>
      <Text fw={500}>{title}</Text>
      <Text size="sm" c="dimmed">
        {body}
      </Text>
    </Paper>
  );
}
