/**
 * A filter choice of an empty value (no language, no client): its own option value, because '' is
 * "any". No archive value starts with a NUL character.
 */
export const EMPTY_OPTION = '\u0000(empty)';

/** The option value of a value. */
export const optionValue = (v: string): string => (v === '' ? EMPTY_OPTION : v);

/** The value an option stands for: '' for the empty choice, undefined for "any". */
export const chosenValue = (option: string): string | undefined => (option === EMPTY_OPTION ? '' : option || undefined);
