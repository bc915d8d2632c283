// Limits of the workflow's inputs, shared by the browser form and the server (no server imports here).
export const RETURN_REASON_MAX = 2000;
