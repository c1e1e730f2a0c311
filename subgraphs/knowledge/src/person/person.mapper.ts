import type { PersonEntity } from './person.entity.js';
import type { Person } from './person.type.js';

export function toPerson(row: PersonEntity): Person {
  return { personRef: row.personRef, name: row.name, email: row.email, subject: row.subject };
}
