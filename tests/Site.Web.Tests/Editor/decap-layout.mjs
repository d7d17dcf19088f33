// What the editor writes when it saves a file: Decap CMS's own front-matter formatter (decap-cms-core, from the
// editor's node_modules), read then written as the editor does it. Input on stdin: a JSON array of
// { text, order } (the file and the collection's field names); output: a JSON array of the written files.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';

register('./hooks.mjs', import.meta.url);
const modules = process.argv[2];
const { FrontmatterInfer } = await import(pathToFileURL(`${modules}/decap-cms-core/dist/esm/formats/frontmatter.js`).href);
const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
const written = jobs.map(({ text, order }) => {
  const saved = FrontmatterInfer.toFile(FrontmatterInfer.fromFile(text), order, {});
  return saved.endsWith('\n') ? saved : `${saved}\n`;
});
process.stdout.write(JSON.stringify(written));
