// Stop the embedded test cluster, if global setup started one.
export default async function globalTeardown() {
  const child = globalThis.__WPS_TEST_POSTGRES__;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
