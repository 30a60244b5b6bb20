import { describe, expect, it } from 'vitest';
import { missedCoOpinion, notRegistered, runScenario, toJUnitXml } from '../src/index.js';

describe('toJUnitXml', () => {
  it('should write one testcase per scenario and a failure with the diff for a failing one', async () => {
    const pass = await runScenario(notRegistered);
    const steps = missedCoOpinion.steps.map((s) =>
      'tick' in s && s.on === '2023-04-18' ? { ...s, expect: { emitted: [] } } : s,
    );
    const fail = await runScenario({ ...missedCoOpinion, name: 'missed<&>', steps });
    const xml = toJUnitXml([pass, fail]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="2" failures="1">')).toBe(true);
    expect(xml).toContain('<testcase classname="banli scenarios" name="notRegistered">\n  </testcase>');
    expect(xml).toContain('name="missed&lt;&amp;&gt;"');
    expect(xml).toContain('type="ScenarioFailure">✗ step 13');
    expect(xml).toContain('+ actual:   deadline.missed, deadline.escalated</failure>');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });
});
