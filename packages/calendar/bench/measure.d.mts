export function measure(fn: (input: string) => string, inputs: readonly string[], ms?: number): number;
export function median(values: readonly number[]): number;
export function dateRange(addCalendarDays: (date: string, n: number) => string, from: string, to: string): string[];
