// What the editor writes when it saves a file: Decap CMS's own formatters (decap-cms-core, from the editor's
// node_modules), reading then writing as the editor does. Input on stdin: a JSON array of
// { text, order, format } (the file, the collection's field names, and 'frontmatter' for content files or
// 'yml' for site.yml); output: a JSON array of the written files.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';

register('./hooks.mjs', import.meta.url);
const modules = process.argv[2];
const formats = `${modules}/decap-cms-core/dist/esm/formats`;
const { FrontmatterInfer } = await import(pathToFileURL(`${formats}/frontmatter.js`).href);
const { default: yamlFormatter } = await import(pathToFileURL(`${formats}/yaml.js`).href);
const jobs = JSON.parse(fs.readFileSync(0, 'utf8'));
const written = jobs.map(({ text, order, format }) => {
  const formatter = format === 'yml' ? yamlFormatter : FrontmatterInfer;
  const saved = formatter.toFile(formatter.fromFile(text), order, {});
  return saved.endsWith('\n') ? saved : `${saved}\n`;
});
process.stdout.write(JSON.stringify(written));
