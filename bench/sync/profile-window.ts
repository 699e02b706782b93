// An opt-in CPU profile of one window of a Node bench (BENCH_PROFILE=<file.cpuprofile>): only the
// catch-up, not the setup that seals the envelopes. Summarise with bench/web/summarise-profile.ts.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { type CpuProfile, summariseProfile } from '../web/summarise-profile';

export async function profileWindow(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    console.log(summariseProfile(profile, 30).join('\n'));
  };
}
