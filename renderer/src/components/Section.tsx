import { Card, Group, Text, Title, type CardProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of a record's page (an application, an expert); `aside` sits at the right of the title (a count, an action, a visibility badge). */
export function Section({ title, aside, children, ...props }: { title: string; aside?: ReactNode; children: ReactNode } & CardProps) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} {...props}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Card>
  );
}

export function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
