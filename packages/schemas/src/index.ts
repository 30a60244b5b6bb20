export { DocNumberSchema } from './docNumber.js';
