import { z } from 'zod';

/** A GB/T 9704-2012 §7.2.5 document number such as 中商务电函〔2023〕12号. */
export const DocNumberSchema = z.string().regex(/^(\S+?)〔(\d{4})〕([1-9]\d*)号$/);
