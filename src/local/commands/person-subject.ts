// What export and erase share: the --person / --student option, one of the two, and the message parts.
import { texts } from '../../core/i18n/messages';
import type { Subject } from '../../app/person-data';
import { CliError, DEFAULT_LANG, type OptionValues } from './command';

/** --person NAME or --student ID (exactly one, not empty); a usage error otherwise (exit 2). */
export function subjectOption(values: OptionValues): Subject {
  const person = typeof values.person === 'string' ? values.person.trim() : undefined;
  const student = typeof values.student === 'string' ? values.student.trim() : undefined;
  const given = [person, student].filter((v) => v !== undefined);
  if (given.length !== 1 || given[0] === '')
    throw new CliError(texts(DEFAULT_LANG).personData.needOne, 2, true);
  return person !== undefined ? { kind: 'person', name: person } : { kind: 'student', id: student ?? '' };
}
