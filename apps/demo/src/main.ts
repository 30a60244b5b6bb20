import { DocNumberSchema } from '@banli/schemas';

const number = '中商务电函〔2023〕12号';
process.stdout.write(`${number}: ${DocNumberSchema.safeParse(number).success ? 'valid' : 'invalid'}\n`);
