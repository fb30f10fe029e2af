/** Where the sending page lives. */
export const syncPath = '/versturen';
