import type { Text } from '../../forms/i18n';
import type { DocumentRequirement, FieldDef, ProgrammeDefinition } from '../../forms/types';

type Programme = Pick<ProgrammeDefinition, 'sections' | 'documents'>;

/**
 * The answers a supplement may ask to correct: one-off fields of the form. Not the resident
 * registration number (sealed on receipt, never handled as plain text again), not the consents (given
 * once, on their own), not the district (it decides who handles the case), not an item of a repeated
 * section (a child of several: the case manager says which in the message and asks for the document).
 */
export function correctableFields(programme: Programme): FieldDef[] {
  return programme.sections
    .filter((section) => !section.repeat)
    .flatMap((section) => section.fields)
    .filter((field) => field.input !== 'rrn' && !field.name.includes('*') && !field.name.startsWith('consent.') && field.name !== 'applicant.district');
}

export function requestedDocuments(programme: Programme, ids: readonly string[]): DocumentRequirement[] {
  return ids.map((id) => programme.documents.find((d) => d.id === id)).filter((d): d is DocumentRequirement => d !== undefined);
}

export function requestedFields(programme: Programme, names: readonly string[]): FieldDef[] {
  const fields = correctableFields(programme);
  return names.map((name) => fields.find((f) => f.name === name)).filter((f): f is FieldDef => f !== undefined);
}

/** A field's label, or its name when the programme no longer has it (a newer version of the form). */
export function fieldLabel(programme: Programme, name: string): Text {
  return correctableFields(programme).find((f) => f.name === name)?.label ?? { ko: name, en: name };
}
