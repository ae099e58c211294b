import { Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorShape } from '../../api/queries';
import { issueMessage, useI18n } from '../../i18n';
import { useNotify } from '../../lib/notify';

interface Props {
  label: string;
  value: string;
  /** Writes the new value; rejects with the core's error, which is shown under the field with the text kept. */
  save(value: string): Promise<void>;
  readOnly: boolean;
  maxLength: number;
  multiline?: boolean;
  type?: 'text' | 'month';
  /** A problem the screen sees itself (a period ending before it starts). */
  error?: string | null;
}

/**
 * A field of the record saved when the curator leaves it (Tab, a click elsewhere, Enter in a
 * one-line field). What was typed stays until it is saved: a refusal shows why under the
 * field and keeps the text; a value changed elsewhere comes in only while nothing here is unsaved.
 */
export function AutoField({ label, value, save, readOnly, maxLength, multiline, type = 'text', error }: Props) {
  const { t } = useI18n();
  const notify = useNotify();
  const [text, setText] = useState(value);
  const [saved, setSaved] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (text === saved && value !== saved) {
      setText(value);
      setSaved(value);
    }
  }, [value, text, saved]);

  const commit = async () => {
    if (text === saved || busy) return;
    setBusy(true);
    try {
      await save(type === 'text' ? text.trim() : text);
      setSaved(text);
      setProblem(null);
    } catch (err) {
      const shape = errorShape(err)!;
      const issue = shape.issues?.[0];
      setProblem(t('reports.field.saveFailed', { reason: issue ? issueMessage(issue, t) : notify.describe(shape) }));
    } finally {
      setBusy(false);
    }
  };

  const common = {
    label,
    value: text,
    readOnly,
    maxLength,
    error: problem ?? error ?? undefined,
    onChange: (e: { currentTarget: { value: string } }) => setText(e.currentTarget.value),
    onBlur: () => void commit(),
  };
  return multiline ? (
    <Textarea {...common} autosize minRows={2} maxRows={6} />
  ) : (
    <TextInput {...common} type={type} onKeyDown={(e) => e.key === 'Enter' && void commit()} />
  );
}
