import { EXIT, type Io } from '../io.ts';
import type { Command } from '../main.ts';

export const newCommand: Command = {
  summary: 'Write a commented starter plan.',
  usage: '<id> [--template implementation|migration|refactoring]',
  options: {},
  async run(_args, _io: Io) {
    return EXIT.clean;
  },
};
