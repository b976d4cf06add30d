// The floor: parse the file with the chosen CSV library (papaparse) and do
// nothing with the rows but count them.
// usage: node bench/raw-parse.mjs FILE [chunk|step|string]
import { createReadStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';

const [file, mode = 'chunk'] = process.argv.slice(2);
let n = 0;
if (mode === 'string') {
  n = Papa.parse(readFileSync(file, 'utf8')).data.length;
} else {
  const config = mode === 'step' ? { step: () => void n++ } : { chunk: (r) => void (n += r.data.length) };
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' }), { ...config, complete: resolve, error: reject });
  });
}
console.log(n);
