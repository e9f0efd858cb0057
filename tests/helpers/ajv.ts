/** A JSON Schema draft 2020-12 validator (ajv, strict, with the standard formats) for tests of the published schemas. strictRequired is off: `anyOf: [{ required: ['url'] }, …]` names properties defined beside it, which is valid JSON Schema. */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export function makeAjv() {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Validation errors as readable lines ('' when valid). */
export function errorsText(validate: { errors?: Array<{ instancePath: string; message?: string }> | null }): string {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('\n');
}
