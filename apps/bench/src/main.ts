process.stdout.write('banli benchmarks: not written yet\n');
