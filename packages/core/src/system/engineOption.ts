import { BanliCoreError } from '../errors.js';

/**
 * The engine asked for (`HandlingSystemOptions.engine`): `compiled` when none is; anything but `compiled`, `xstate`
 * or nothing is refused with `BanliCoreError` `invalid_engine` (no silent default). @banli/sdk's `createBanli` checks
 * its own `engine` option with it, whatever coordinator factory it is given.
 */
export function engineOption(engine: unknown): 'compiled' | 'xstate' {
  if (engine === undefined || engine === 'compiled' || engine === 'xstate') return engine ?? 'compiled';
  const shown = typeof engine === 'string' ? `'${engine}'` : String(engine);
  throw new BanliCoreError('invalid_engine', {
    'zh-CN': `引擎选项无效：${shown}（应为 'compiled' 或 'xstate'）`,
    en: `Invalid engine option: ${shown} (expected 'compiled' or 'xstate')`,
  });
}
