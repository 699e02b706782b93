import { describe, expect, it } from 'vitest';
import { createInstallPrompt } from './install-prompt';

function promptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & {
    prompt: () => Promise<void>;
    userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
    prompted: number;
  };
  event.prompted = 0;
  event.prompt = async () => {
    event.prompted++;
  };
  event.userChoice = Promise.resolve({ outcome });
  return event;
}

describe('install prompt', () => {
  it('keeps the browser event, suppresses the default infobar, and uses it once', async () => {
    const target = new EventTarget();
    const prompt = createInstallPrompt(target);
    let changes = 0;
    prompt.subscribe(() => changes++);
    expect(prompt.canInstall()).toBe(false);
    expect(await prompt.install()).toBe('unavailable');
    const event = promptEvent('accepted');
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(prompt.canInstall()).toBe(true);
    expect(await prompt.install()).toBe('accepted');
    expect(event.prompted).toBe(1);
    expect(prompt.canInstall()).toBe(false);
    expect(await prompt.install()).toBe('unavailable');
    expect(changes).toBe(2);
  });

  it('forgets the event once the app is installed', () => {
    const target = new EventTarget();
    const prompt = createInstallPrompt(target);
    target.dispatchEvent(promptEvent('dismissed'));
    target.dispatchEvent(new Event('appinstalled'));
    expect(prompt.canInstall()).toBe(false);
  });
});
