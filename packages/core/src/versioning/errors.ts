import type { Bilingual } from '@banli/schemas';
import { BanliCoreError } from '../errors.js';
import type { MachineVersion } from '../system/types.js';

/** Thrown when state written by one machine definition is loaded under another without a migration. */
export class VersionMismatchError extends BanliCoreError {
  readonly expected: MachineVersion;
  readonly actual: MachineVersion;

  constructor(expected: MachineVersion, actual: MachineVersion) {
    const sameLabel = expected.id === actual.id && expected.version === actual.version;
    super(
      'version_mismatch',
      sameLabel
        ? {
            'zh-CN': `状态由 ${actual.version}（结构 ${actual.hash}）写入，但当前 ${expected.version} 的结构为 ${expected.hash}：修改流程定义后须发布新版本并迁移`,
            en: `State was written by ${actual.version} (structure ${actual.hash}) but ${expected.version} now has structure ${expected.hash}: publish a new version and migrate`,
          }
        : {
            'zh-CN': `状态由 ${actual.version} 写入，当前定义为 ${expected.version}：请先按迁移方案迁移`,
            en: `State was written by ${actual.version} but this system runs ${expected.version}: migrate it with a migration plan first`,
          },
    );
    this.name = 'VersionMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

/** Thrown when a migration plan is malformed or does not fit the definitions it names. */
export class InvalidMigrationError extends BanliCoreError {
  constructor(messages: Bilingual) {
    super('invalid_migration', messages);
    this.name = 'InvalidMigrationError';
  }
}
