import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
const src = 'web/src';
const out = '/tmp/status-h/out';
const r = await build({ entryPoints: readdirSync(src).filter(n=>n.endsWith('.ts')).map(n=>path.join(src,n)), outdir: out, entryNames:'[name]', chunkNames:'chunks/[name]-[hash]', bundle:true, splitting:true, format:'esm', platform:'browser', target:['chrome109'], minify:true, metafile:true, write:true, legalComments:'none' });
const outputs = r.metafile.outputs;
for (const [file, o] of Object.entries(outputs)) {
  if (!o.entryPoint) continue;
  const seen = new Set<string>(); const stack=[file];
  while (stack.length) { const f = stack.pop()!; if (seen.has(f)) continue; seen.add(f); for (const i of outputs[f].imports) if (i.kind==='import-statement') stack.push(i.path); }
  let total=0; for (const f of seen) total += gzipSync(readFileSync(f)).length;
  console.log(o.entryPoint, (total/1024).toFixed(1)+' KB gz', [...seen].length, 'files');
  if (process.argv[2] && o.entryPoint.includes(process.argv[2])) {
    const inputs: Record<string, number> = {};
    for (const f of seen) for (const [k,v] of Object.entries(outputs[f].inputs)) inputs[k]=(inputs[k]??0)+v.bytesInOutput;
    console.log(Object.entries(inputs).sort((a,b)=>b[1]-a[1]).slice(0,25));
  }
}
