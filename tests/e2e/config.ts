/** Fixed ports and credentials shared by playwright.config.ts and the specs. */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const loginPort = Number(process.env.E2E_LOGIN_PORT ?? 3101);
const framePort = Number(process.env.E2E_FRAME_PORT ?? 3102);
const whistlPort = Number(process.env.E2E_WHISTL_PORT ?? 3103);

export const E2E = {
  appPort,
  appUrl: `http://localhost:${appPort}`,
  loginPort,
  loginUrl: `http://127.0.0.1:${loginPort}`,
  framePort,
  whistlPort,
  whistlUrl: `http://127.0.0.1:${whistlPort}`,
  cronSecret: 'e2e-cron-secret-0123456789',
  /** A different site from the app (127.0.0.1 vs localhost), like the control panel. */
  frameUrl: `http://127.0.0.1:${framePort}`,
  clientId: 'e2e-client-id',
  clientSecret: 'e2e-client-secret-0123456789',
};
