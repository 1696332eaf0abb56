// Without Chromium the browser tests fail (never skip), saying how to get it.
import { launchChromium } from './browser';

test('a missing Chromium fails with a message naming .ci/run', async () => {
  await expect(launchChromium(undefined, '/nonexistent/chromium')).rejects.toThrow(
    /Chromium is missing at \/nonexistent\/chromium.*\.ci\/run installs it/,
  );
});
