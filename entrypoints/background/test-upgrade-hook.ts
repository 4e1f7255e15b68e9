import type { SchemaVersion } from '@/lib/db';

/** Test builds only: a database whose meta table holds this key fails every upgrade it needs. */
export const FAIL_UPGRADE_KEY = 'test:fail-upgrade';

/**
 * The schema versions with upgrades that throw when the database carries FAIL_UPGRADE_KEY, so an
 * end-to-end test can prove that a failed upgrade keeps the old data readable and is said to the
 * rep (test/e2e/safety-upgrade.e2e.test.ts). Used only when `import.meta.env.MODE === 'test'`:
 * production builds drop it.
 */
export function withFailableUpgrades(versions: readonly SchemaVersion[]): SchemaVersion[] {
  return versions.map((declared) => {
    const upgrade = declared.upgrade;
    if (!upgrade) return declared;
    return {
      ...declared,
      upgrade: async (tx) => {
        if (await tx.table('meta').get(FAIL_UPGRADE_KEY)) throw new Error(`the upgrade to schema version ${declared.version} failed on purpose (test build)`);
        await upgrade(tx);
      },
    };
  });
}
