// One measure of retained bytes for every package's tests: core's (the SDK's tests already build on core's helpers' data).
export { retainedBytesEach } from '../../../core/test/helpers/retainedBytes.js';
