import { readFile } from 'node:fs/promises';
import { expect, inject, it } from 'vitest';
import { TYPES_FILE, generateTypes } from '../../supabase/local/gen-types.ts';

const stack = inject('stack');

it('src/lib/database.types.ts matches the migrations (run `npm run gen:types` if not)', async () => {
  const committed = await readFile(TYPES_FILE, 'utf8');
  expect(committed).toBe(await generateTypes(stack.dbUrl));
});
