import { type Bilingual, BilingualError } from '@banli/schemas';

/** Error codes of @banli/testing. */
export type TestingErrorCode = 'SCENARIO_FAILED' | 'UNKNOWN_ACTOR' | 'INVALID_SIMULATION' | 'ENGINES_DISAGREE';

/** A {@link BilingualError} with a {@link TestingErrorCode}: a stable `code` and a message in zh-CN and en. */
export class BanliTestingError extends BilingualError<TestingErrorCode> {
  constructor(code: TestingErrorCode, messages: Bilingual) {
    super(code, messages);
    this.name = 'BanliTestingError';
  }
}
