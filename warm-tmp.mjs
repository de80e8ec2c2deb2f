import * as core from 'scaleplan';
import { readFileSync } from 'node:fs';
const ex = process.argv[2];
const scen = core.parseScenarioText(readFileSync(`examples/${ex}.yaml`,'utf8'), 'yaml');
for (let i = 0; i < 5; i++) {
  const t0 = process.cpuUsage();
  const r = core.planRequest(scen, {});
  const p = core.planLayouts(r.scenario, r.options);
  const d = process.cpuUsage(t0);
  console.log(i, ((d.user + d.system) / 1e6).toFixed(3), p.evaluated);
}
