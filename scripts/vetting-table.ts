/** Prints the vetting state machine (stages × events) as Markdown, computed from the rules: `npm run vetting-table`. */
import { stateMachineMarkdown } from '../shared/model/vetting/table';

process.stdout.write(`${stateMachineMarkdown()}\n`);
