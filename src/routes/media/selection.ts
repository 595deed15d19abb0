/** A form's repeated field (absent, one value, or many) as a list. */
export const uidList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** The zip of a selection is named after its album, so it is not mistaken for the whole album's zip. */
export const selectionTitle = (albumTitle: string): string => `${albumTitle} (selection)`
